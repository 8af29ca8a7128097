-- A merchant's reconciliation runs, newest first, with their counts per result (unchecked = not checked yet):
-- one page of them, or the one with :#id.
SELECT r.*,
       count(i.id) AS total,
       count(i.id) FILTER (WHERE i.state <> 'DONE') AS unchecked,
       count(i.id) FILTER (WHERE i.result = 'MATCHED') AS matched,
       count(i.id) FILTER (WHERE i.result = 'RESOLVED') AS resolved,
       count(i.id) FILTER (WHERE i.result = 'OPEN') AS open,
       count(i.id) FILTER (WHERE i.result = 'MISMATCHED') AS mismatched,
       count(i.id) FILTER (WHERE i.result = 'UNVERIFIED') AS unverified
  FROM reconciliation_run r LEFT JOIN reconciliation_item i ON i.run_id = r.id
 WHERE r.client_id = :#clientId
   AND (CAST(:#id AS uuid) IS NULL OR r.id = :#id)
 GROUP BY r.id
 ORDER BY r.created_at DESC, r.id
 LIMIT :#limit OFFSET :#offset
