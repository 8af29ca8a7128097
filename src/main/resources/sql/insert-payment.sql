-- Stores a new payment PENDING with its CREATED event, in one statement (one transaction).
-- With an Idempotency-Key already used by this client nothing is inserted and no row comes back:
-- the route then replays the first answer or rejects a different body.
WITH inserted AS (
    INSERT INTO payment (id, client_id, type, provider, product, status, amount, currency, country,
                         phone_number, external_id, payer_message, payee_note, metadata,
                         idempotency_key, request_hash, callback_token_hash, original_payment_id, next_poll_at)
    VALUES (:#id, :#clientId, :#type, :#provider, :#product, 'PENDING', :#amount, :#currency, :#country,
            :#phoneNumber, :#externalId, :#payerMessage, :#payeeNote, CAST(:#metadata AS jsonb),
            :#idempotencyKey, :#requestHash, :#callbackTokenHash, :#originalPaymentId,
            now() + make_interval(secs => :#firstPollSeconds))
    ON CONFLICT (client_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
    RETURNING *
), created_event AS (
    INSERT INTO payment_event (payment_id, type, to_status, source)
    SELECT id, 'CREATED', status, 'API' FROM inserted
)
SELECT * FROM inserted
