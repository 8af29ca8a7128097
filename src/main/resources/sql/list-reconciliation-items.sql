-- The items of a run (already checked to be the merchant's) with their payments, in order; a NULL result filter
-- means any, a NULL limit all of them (the report).
SELECT i.*, p.type, p.provider, p.product, p.external_id, p.amount, p.currency
  FROM reconciliation_item i JOIN payment p ON p.id = i.payment_id
 WHERE i.run_id = :#runId
   AND (CAST(:#result AS text) IS NULL OR i.result = :#result)
 ORDER BY i.id
 LIMIT :#limit OFFSET :#offset
