-- POST /api/v1/payments/{id}/cancel (docs/cancellation.md): an open collection (or a payout that provably never
-- left: send_attempts 0) becomes CANCELLED, final for the merchant, with provider_outcome WAITING so callbacks and
-- the poller keep listening to its provider. One conditional update under the row lock (a callback applying at the
-- same moment is serialised with it), its event row and the cancellation record (Idempotency-Key) in one statement;
-- the payment_final_webhook trigger writes payment.cancelled. A key this client used for a cancellation already
-- blocks the update: the bean replays or refuses it.
-- Always one row: found_* describe the payment as it was under the lock (NULL: not this client's), key_* the
-- earlier cancellation with this key, cancelled whether this statement cancelled it (and then the row's id,
-- previous_status, status, provider, product, type and phone_number).
WITH current AS (
    SELECT id, status, type, send_attempts FROM payment WHERE id = :#id AND client_id = :#clientId FOR UPDATE
), recorded AS (
    SELECT payment_id, request_hash FROM payment_cancellation
     WHERE client_id = :#clientId AND idempotency_key = :#idempotencyKey
), admitted AS (
    SELECT c.* FROM current c
     WHERE NOT EXISTS (SELECT 1 FROM recorded)
       AND c.status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW')
       AND (c.type = 'COLLECTION' OR (c.type IN ('DISBURSEMENT', 'REMITTANCE') AND c.send_attempts = 0))
), updated AS (
    UPDATE payment p
       SET status = 'CANCELLED',
           provider_outcome = 'WAITING',
           reason = NULL,
           error_message = 'Cancelled by the merchant',
           completed_at = now(),
           next_poll_at = COALESCE(p.next_poll_at, now()),
           updated_at = now()
      FROM admitted a
     WHERE p.id = a.id
    RETURNING p.id, p.client_id, a.status AS previous_status, p.status, p.provider, p.product, p.type, p.phone_number
), cancellation AS (
    INSERT INTO payment_cancellation (payment_id, client_id, idempotency_key, request_hash, note)
    SELECT id, client_id, :#idempotencyKey, :#requestHash, :#note FROM updated
), status_event AS (
    INSERT INTO payment_event (payment_id, type, from_status, to_status, source, details)
    SELECT id, 'STATUS_CHANGED', previous_status, 'CANCELLED', 'API',
           jsonb_build_object('cancelled', true, 'note', CAST(:#note AS text), 'providerOutcome', 'WAITING')
      FROM updated
)
SELECT c.status AS found_status, c.type AS found_type, c.send_attempts AS found_send_attempts,
       r.payment_id AS key_payment_id, r.request_hash AS key_request_hash,
       EXISTS (SELECT 1 FROM updated) AS cancelled,
       -- the changed row's own columns, for the status-change log line (StatusChangeLog) and meters (SentExchangeMeters)
       u.id, u.previous_status, u.status, u.provider, u.product, u.type, u.phone_number
  FROM (SELECT 1) AS one
  LEFT JOIN updated u ON TRUE
  LEFT JOIN current c ON TRUE
  LEFT JOIN recorded r ON TRUE
