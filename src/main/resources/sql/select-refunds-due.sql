-- Refunds due (docs/cancellation.md): cancelled collections the customer paid after all (provider_outcome
-- SUCCESSFUL) whose refunds that may move money (PENDING, UNKNOWN, NEEDS_REVIEW, SUCCESSFUL) leave some of the
-- amount with the merchant. One with a refund in flight is not due (that refund counts). The key names the attempt:
-- 1 + the automatic refunds (payer message :#reason) that ended FAILED or EXPIRED, so a failed one is retried with a new key, at most
-- :#maxAttempts times (then the gauge gateway.payments.refund.due and docs/runbooks.md take over), while two
-- instances, or a retry after a crash, compute the same key and insert-refund.sql stores one refund only.
SELECT p.id, p.client_id,
       'auto-refund:' || p.id || ':' || (1 + f.failed) AS refund_key
  FROM payment p
 CROSS JOIN LATERAL (SELECT count(*) AS failed FROM payment r
                      WHERE r.original_payment_id = p.id AND r.payer_message = :#reason
                        AND r.status IN ('FAILED', 'EXPIRED')) f
 WHERE p.status = 'CANCELLED' AND p.provider_outcome = 'SUCCESSFUL' AND p.type = 'COLLECTION'
   AND payment_refunds_total(p.id) < p.amount
   AND f.failed < :#maxAttempts
 ORDER BY p.updated_at
 LIMIT :#batchSize
