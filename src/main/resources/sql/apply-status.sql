-- The one conditional status transition (callbacks, poller, refresh, reconciliation):
-- only an open payment (PENDING, UNKNOWN, NEEDS_REVIEW) changes, final states never do, and every change of status
-- writes an event row in the same statement. Returns the row when it was still open, none otherwise.
-- A CANCELLED payment still waiting for its provider (provider_outcome WAITING, docs/cancellation.md) keeps its
-- status: the provider's final answer goes to provider_outcome instead, with a PROVIDER_OUTCOME event (and, for a
-- success, the payment_late_success_webhook trigger); until then it is asked again like an open one. Its row comes
-- back too (status CANCELLED, previous_status CANCELLED).
WITH current AS (
    SELECT id, status, provider_outcome FROM payment WHERE id = :#id FOR UPDATE
), updated AS (
    UPDATE payment p
       SET status = :#status,
           reason = :#reason,
           error_message = :#errorMessage,
           provider_reason = COALESCE(:#providerReason, p.provider_reason),
           financial_transaction_id = COALESCE(:#financialTransactionId, p.financial_transaction_id),
           provider_reference = COALESCE(:#providerReference, p.provider_reference),
           provider_response = COALESCE(CAST(:#providerResponse AS jsonb), p.provider_response),
           completed_at = CASE WHEN :#status IN ('SUCCESSFUL', 'FAILED', 'EXPIRED') THEN now() END,
           next_poll_at = CASE WHEN :#status IN ('SUCCESSFUL', 'FAILED', 'EXPIRED') THEN NULL
                               ELSE now() + make_interval(secs => :#nextPollSeconds) END,
           updated_at = now()
      FROM current c
     WHERE p.id = c.id AND c.status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW')
    RETURNING p.*, c.status AS previous_status
), status_event AS (
    INSERT INTO payment_event (payment_id, type, from_status, to_status, reason, source, details)
    SELECT id, 'STATUS_CHANGED', previous_status, status, reason, :#source, CAST(:#details AS jsonb)
      FROM updated WHERE status <> previous_status
), listened AS (
    UPDATE payment p
       SET provider_outcome = CASE WHEN :#status IN ('SUCCESSFUL', 'FAILED', 'EXPIRED') THEN :#status ELSE 'WAITING' END,
           provider_reason = COALESCE(:#providerReason, p.provider_reason),
           financial_transaction_id = COALESCE(:#financialTransactionId, p.financial_transaction_id),
           provider_reference = COALESCE(:#providerReference, p.provider_reference),
           provider_response = COALESCE(CAST(:#providerResponse AS jsonb), p.provider_response),
           next_poll_at = CASE WHEN :#status IN ('SUCCESSFUL', 'FAILED', 'EXPIRED') THEN NULL
                               ELSE now() + make_interval(secs => :#nextPollSeconds) END,
           updated_at = now()
      FROM current c
     WHERE p.id = c.id AND c.status = 'CANCELLED' AND c.provider_outcome = 'WAITING'
    RETURNING p.*, c.status AS previous_status
), outcome_event AS (
    INSERT INTO payment_event (payment_id, type, from_status, to_status, reason, source, details)
    SELECT id, 'PROVIDER_OUTCOME', previous_status, status, :#reason, :#source,
           COALESCE(CAST(:#details AS jsonb), '{}'::jsonb) || jsonb_build_object('providerOutcome', provider_outcome)
      FROM listened WHERE provider_outcome <> 'WAITING'
)
SELECT * FROM updated
UNION ALL
SELECT * FROM listened
