-- Claims due webhook deliveries. SKIP LOCKED lets several gateway instances deliver side by side without taking
-- the same rows; pushing next_attempt_at forward by the lease keeps the others off while this one sends, and
-- brings a delivery back by itself if this instance dies mid-attempt. Each claim gets its own lease_token.
-- The endpoint is read now, so a changed URL or rotated secret applies to retries too.
WITH claimed AS (
    UPDATE webhook_delivery d
       SET next_attempt_at = now() + make_interval(secs => :#leaseSeconds),
           lease_token = gen_random_uuid(),
           attempts = d.attempts + 1,
           first_attempt_at = COALESCE(d.first_attempt_at, now()),
           updated_at = now()
     WHERE d.id IN (SELECT id FROM webhook_delivery
                     WHERE status = 'PENDING' AND next_attempt_at <= now()
                     ORDER BY next_attempt_at
                     LIMIT :#batchSize
                     FOR UPDATE SKIP LOCKED)
    RETURNING d.*
)
SELECT c.*, e.url, e.secret,
       CASE WHEN e.previous_secret_expires_at > now() THEN e.previous_secret END AS previous_secret
  FROM claimed c LEFT JOIN webhook_endpoint e ON e.client_id = c.client_id
