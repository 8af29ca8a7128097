-- One attempt's result. The attempt row is always kept; the delivery changes only under the claim that made
-- the attempt (lease_token), so a claim that outlived its lease, or that a replay overtook, changes nothing.
WITH attempt AS (
    INSERT INTO webhook_attempt (delivery_id, number, url, http_status, error, duration_ms, attempted_at)
    VALUES (:#id, :#number, :#url, :#httpStatus, :#error, :#durationMs, :#attemptedAt)
)
UPDATE webhook_delivery
   SET status = :#status,
       next_attempt_at = CASE WHEN :#status = 'PENDING'
                              THEN now() + CAST(:#retryInMs AS bigint) * interval '1 millisecond' END,
       delivered_at = CASE WHEN :#status = 'DELIVERED' THEN now() ELSE delivered_at END,
       last_attempt_at = :#attemptedAt,
       last_http_status = :#httpStatus,
       last_error = :#error,
       lease_token = NULL,
       updated_at = now()
 WHERE id = :#id AND lease_token = :#leaseToken AND status = 'PENDING'
