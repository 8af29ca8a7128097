-- Stores a refund of a SUCCESSFUL COLLECTION PENDING, with its CREATED event, in one statement, only while
-- the original's refunds that may move money (PENDING, UNKNOWN, NEEDS_REVIEW, SUCCESSFUL) plus this one stay within the
-- collected amount. No amount means all that is left. Same client, number, currency and country as the original.
-- Concurrency: the original's row is locked first; payment_refunds_total (V20) then reads its refunds with a
-- fresh snapshot, so a refund another request committed while this one waited for the lock is counted (a plain
-- subquery here would not see it). With an Idempotency-Key this client used already, nothing is inserted (not
-- even tried: a retried full refund computes an amount of 0, which the amount check would reject before ON
-- CONFLICT is looked at) and no row comes back, so the route replays the first answer. A refused refund is not
-- stored: one row comes back with refund_refused and the original as it was under the lock.
-- send_attempts = 1: the first attempt counts as maybe sent from now on, before it leaves (V81).
-- A CANCELLED collection the customer paid after all (provider_outcome SUCCESSFUL) is refundable too: the poller's
-- automatic refund (Idempotency-Key auto-refund:..., docs/cancellation.md) comes this way, and writes an
-- AUTO_REFUND event on the original in this same statement.
WITH original AS (
    SELECT id, client_id, type, status, provider_outcome, provider, amount, currency, country, phone_number
      FROM payment
     WHERE id = :#originalPaymentId AND client_id = :#clientId
       FOR UPDATE
), ledger AS (
    SELECT o.*, payment_refunds_total(o.id) AS refunds_total,
           payment_idempotency_key_taken(:#clientId, :#idempotencyKey) AS key_taken
      FROM original o
), request AS (
    SELECT l.*, COALESCE(CAST(:#amount AS numeric), l.amount - l.refunds_total) AS refund_amount
      FROM ledger l
), admitted AS (
    SELECT * FROM request
     WHERE key_taken
        OR (type = 'COLLECTION' AND (status = 'SUCCESSFUL' OR (status = 'CANCELLED' AND provider_outcome = 'SUCCESSFUL'))
            AND refund_amount > 0 AND refunds_total + refund_amount <= amount)
), inserted AS (
    INSERT INTO payment (id, client_id, type, provider, product, status, amount, currency, country,
                         phone_number, external_id, payer_message, payee_note,
                         idempotency_key, request_hash, callback_token_hash, original_payment_id, provider_operation,
                         next_poll_at, send_attempts)
    SELECT :#id, a.client_id, 'REFUND', a.provider, :#product, 'PENDING', a.refund_amount, a.currency, a.country,
           a.phone_number, :#externalId, :#payerMessage, :#payeeNote,
           :#idempotencyKey, :#requestHash, :#callbackTokenHash, a.id, :#providerOperation,
           now() + make_interval(secs => :#firstPollSeconds), 1
      FROM admitted a
     WHERE NOT a.key_taken
    ON CONFLICT (client_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
    RETURNING *
), created_event AS (
    INSERT INTO payment_event (payment_id, type, to_status, source)
    SELECT id, 'CREATED', status, 'API' FROM inserted
), auto_refund_event AS (
    INSERT INTO payment_event (payment_id, type, source, details)
    SELECT original_payment_id, 'AUTO_REFUND', 'POLLER',
           jsonb_build_object('refundId', id, 'amount', amount, 'why', 'paid after cancellation')
      FROM inserted WHERE idempotency_key LIKE 'auto-refund:%'
)
SELECT i.*, r.type AS original_type, r.status AS original_status, r.provider_outcome AS original_provider_outcome, r.amount AS original_amount, r.refunds_total,
       NOT EXISTS (SELECT 1 FROM admitted) AS refund_refused
  FROM request r LEFT JOIN inserted i ON TRUE
 WHERE i.id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM admitted)
