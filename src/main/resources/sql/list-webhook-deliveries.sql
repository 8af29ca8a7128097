-- One page of a client's webhook deliveries, newest first, each row with the total (one snapshot for both).
-- A NULL filter means "any"; an empty page is one row with only the total.
WITH matching AS (
    SELECT * FROM webhook_delivery
     WHERE client_id = :#clientId
       AND (CAST(:#status AS text) IS NULL OR status = :#status)
       AND (CAST(:#paymentId AS uuid) IS NULL OR payment_id = CAST(:#paymentId AS uuid))
), page AS (
    SELECT * FROM matching ORDER BY created_at DESC, id LIMIT :#limit OFFSET :#offset
)
SELECT (SELECT count(*) FROM matching) AS total, p.*
  FROM (SELECT 1) AS one LEFT JOIN page p ON TRUE
 ORDER BY p.created_at DESC, p.id
