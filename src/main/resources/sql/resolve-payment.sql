-- An operator's resolution of a payment in review (POST /api/v1/admin/payments/{id}/resolution): the one
-- conditional status change, from NEEDS_REVIEW only, with its event row (source ADMIN: who, and the note) in the
-- same statement. A final payment never changes (a second resolution finds it final); the merchant's webhook
-- follows from the payment_final_webhook trigger, as for every other path.
-- One row when the payment exists: found_status is its status before, and the payment's columns are filled only
-- when this resolution changed it.
WITH current AS (
    SELECT id, status FROM payment WHERE id = :#id FOR UPDATE
), updated AS (
    UPDATE payment p
       SET status = :#status,
           reason = :#reason,
           error_message = :#errorMessage,
           financial_transaction_id = COALESCE(:#financialTransactionId, p.financial_transaction_id),
           completed_at = now(),
           next_poll_at = NULL,
           updated_at = now()
      FROM current c
     WHERE p.id = c.id AND c.status = 'NEEDS_REVIEW'
    RETURNING p.*, c.status AS previous_status
), status_event AS (
    INSERT INTO payment_event (payment_id, type, from_status, to_status, reason, source, details)
    SELECT id, 'STATUS_CHANGED', previous_status, status, reason, 'ADMIN', CAST(:#details AS jsonb)
      FROM updated
)
SELECT c.status AS found_status, u.*, payment_refunded_amount(c.id) AS refunded_amount
  FROM current c LEFT JOIN updated u ON u.id = c.id
