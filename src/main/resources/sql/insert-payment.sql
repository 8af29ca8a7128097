-- Stores a new payment PENDING with its CREATED event, in one statement (one transaction).
-- With an Idempotency-Key already used by this client nothing is inserted and no row comes back:
-- the route then replays the first answer or rejects a different body.
-- Daily limit (gateway.limits.<CURRENCY>.daily, NULL = none): the number's payments of the same direction
-- today (PENDING, UNKNOWN, NEEDS_REVIEW, SUCCESSFUL) plus this one must stay within it. payment_daily_total (V20) locks the
-- number, currency and direction first, so concurrent requests are checked one after the other. A refused
-- payment is not stored: one row comes back with daily_limit_exceeded and daily_total only.
-- send_attempts = 1: the first attempt counts as maybe sent from now on, before it leaves (V81).
WITH daily AS (
    SELECT CASE WHEN CAST(:#dailyLimit AS numeric) IS NULL THEN NULL
                ELSE payment_daily_total(:#phoneNumber, :#currency, :#direction, string_to_array(:#dailyTypes, ','))
           END AS total
), admitted AS (
    SELECT total FROM daily
     WHERE total IS NULL
        OR total + :#amount <= CAST(:#dailyLimit AS numeric)
        OR payment_idempotency_key_taken(:#clientId, :#idempotencyKey)
), inserted AS (
    INSERT INTO payment (id, client_id, type, provider, product, status, amount, currency, country,
                         phone_number, external_id, payer_message, payee_note, metadata,
                         idempotency_key, request_hash, callback_token_hash, original_payment_id, provider_operation,
                         next_poll_at, send_attempts)
    SELECT :#id, :#clientId, :#type, :#provider, :#product, 'PENDING', :#amount, :#currency, :#country,
           :#phoneNumber, :#externalId, :#payerMessage, :#payeeNote, CAST(:#metadata AS jsonb),
           :#idempotencyKey, :#requestHash, :#callbackTokenHash, CAST(:#originalPaymentId AS uuid), :#providerOperation,
           now() + make_interval(secs => :#firstPollSeconds), 1
      FROM admitted
    ON CONFLICT (client_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
    RETURNING *
), created_event AS (
    INSERT INTO payment_event (payment_id, type, to_status, source)
    SELECT id, 'CREATED', status, 'API' FROM inserted
)
SELECT i.*, d.total AS daily_total, NOT EXISTS (SELECT 1 FROM admitted) AS daily_limit_exceeded
  FROM daily d LEFT JOIN inserted i ON TRUE
 WHERE i.id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM admitted)
