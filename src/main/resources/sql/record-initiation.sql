-- Records the provider's answer to the initiation: the HTTP status we answer with (for Idempotency-Key
-- replays) and, unless a callback already made the payment final, its new status plus an event row.
-- A key is released when nothing reached the provider, so the client may retry with the same key.
-- An open payment gets its first poll now that its request is over (see InitiationBudget).
WITH current AS (
    SELECT id, status FROM payment WHERE id = :#id FOR UPDATE
), changes_status AS (
    SELECT id, status AS from_status,
           status IN ('PENDING', 'UNKNOWN') AND status <> :#status AS applies
      FROM current
), updated AS (
    UPDATE payment p
       SET response_code = :#responseCode,
           idempotency_key = CASE WHEN :#releaseIdempotencyKey THEN NULL ELSE p.idempotency_key END,
           status = CASE WHEN c.applies THEN :#status ELSE p.status END,
           reason = CASE WHEN c.applies THEN :#reason ELSE p.reason END,
           error_message = CASE WHEN c.applies THEN :#errorMessage ELSE p.error_message END,
           provider_reason = CASE WHEN c.applies THEN :#providerReason ELSE p.provider_reason END,
           provider_reference = COALESCE(:#providerReference, p.provider_reference),
           completed_at = CASE WHEN c.applies AND :#status IN ('SUCCESSFUL', 'FAILED', 'EXPIRED') THEN now()
                               ELSE p.completed_at END,
           next_poll_at = CASE WHEN c.applies AND :#status IN ('SUCCESSFUL', 'FAILED', 'EXPIRED') THEN NULL
                               WHEN p.status IN ('PENDING', 'UNKNOWN')
                                   THEN now() + make_interval(secs => :#firstPollSeconds)
                               ELSE p.next_poll_at END,
           updated_at = now()
      FROM changes_status c
     WHERE p.id = c.id
    RETURNING p.*, c.from_status AS previous_status, c.applies AS status_changed
), status_event AS (
    INSERT INTO payment_event (payment_id, type, from_status, to_status, reason, source, details)
    SELECT id, 'STATUS_CHANGED', previous_status, status, reason, 'PROVIDER', CAST(:#details AS jsonb)
      FROM updated WHERE status_changed
)
SELECT * FROM updated
