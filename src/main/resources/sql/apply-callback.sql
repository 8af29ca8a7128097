-- A provider callback with a final result (SUCCESSFUL, FAILED) in one statement: the checks the callback route
-- would make after reading the payment are conditions of the row lock, so an update that happens is one that
-- select-payment-for-callback.sql + ProviderCallbacks.authenticate + the provider's checks + apply-status.sql would
-- have made. The payment by id, its callback secret's hash (the only thing stored of it), its provider, a status
-- that still takes a result, and what the callback states about it where it states it (:#externalId: MTN's
-- externalId, our id when the merchant gave none; :#amount; :#currency; :#providerReference: only when both sides
-- know it). Then the same writes as apply-status.sql for a final status: the status and its event row, or for a
-- CANCELLED payment still waiting for its provider the provider_outcome and its PROVIDER_OUTCOME event.
-- No row: nothing changed (unknown payment, wrong secret, final already, a mismatch, a duplicate); the route then
-- reads the payment and answers exactly as before (docs/developing.md#callbacks).
-- Returns what StatusChangeLog and PaymentMeters read from a status change.
WITH current AS (
    SELECT id, status, provider_outcome FROM payment
     WHERE id = :#id
       AND callback_token_hash = :#tokenHash
       AND provider = :#provider
       AND (status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW') OR (status = 'CANCELLED' AND provider_outcome = 'WAITING'))
       AND (CAST(:#externalId AS text) IS NULL OR COALESCE(external_id, CAST(id AS text)) = :#externalId)
       AND (CAST(:#amount AS numeric) IS NULL OR amount = CAST(:#amount AS numeric))
       AND (CAST(:#currency AS text) IS NULL OR currency = :#currency)
       AND (CAST(:#providerReference AS text) IS NULL OR provider_reference IS NULL
            OR provider_reference = :#providerReference)
       FOR UPDATE
), updated AS (
    UPDATE payment p
       SET status = :#status,
           reason = :#reason,
           error_message = :#errorMessage,
           provider_reason = COALESCE(:#providerReason, p.provider_reason),
           financial_transaction_id = COALESCE(:#financialTransactionId, p.financial_transaction_id),
           provider_reference = COALESCE(:#providerReference, p.provider_reference),
           provider_response = COALESCE(CAST(:#providerResponse AS jsonb), p.provider_response),
           completed_at = now(),
           next_poll_at = NULL,
           updated_at = now()
      FROM current c
     WHERE p.id = c.id AND c.status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW')
    RETURNING p.id, p.status, c.status AS previous_status, p.provider, p.product, p.type, p.reason,
              p.provider_reason, p.phone_number, p.provider_outcome
), status_event AS (
    INSERT INTO payment_event (payment_id, type, from_status, to_status, reason, source, details)
    SELECT id, 'STATUS_CHANGED', previous_status, status, reason, 'CALLBACK', CAST(:#details AS jsonb)
      FROM updated WHERE status <> previous_status
), listened AS (
    UPDATE payment p
       SET provider_outcome = :#status,
           provider_reason = COALESCE(:#providerReason, p.provider_reason),
           financial_transaction_id = COALESCE(:#financialTransactionId, p.financial_transaction_id),
           provider_reference = COALESCE(:#providerReference, p.provider_reference),
           provider_response = COALESCE(CAST(:#providerResponse AS jsonb), p.provider_response),
           next_poll_at = NULL,
           updated_at = now()
      FROM current c
     WHERE p.id = c.id AND c.status = 'CANCELLED'
    RETURNING p.id, p.status, c.status AS previous_status, p.provider, p.product, p.type, p.reason,
              p.provider_reason, p.phone_number, p.provider_outcome
), outcome_event AS (
    INSERT INTO payment_event (payment_id, type, from_status, to_status, reason, source, details)
    SELECT id, 'PROVIDER_OUTCOME', previous_status, status, :#reason, 'CALLBACK',
           COALESCE(CAST(:#details AS jsonb), '{}'::jsonb) || jsonb_build_object('providerOutcome', provider_outcome)
      FROM listened
)
SELECT * FROM updated
UNION ALL
SELECT * FROM listened
