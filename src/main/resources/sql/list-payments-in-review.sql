-- The operators' review queue (GET /api/v1/admin/payments/needs-review): every merchant's payments in
-- NEEDS_REVIEW, and with unknownBefore the UNKNOWN ones created before it, the longest waiting first.
SELECT *, payment_refunded_amount(id) AS refunded_amount FROM payment
 WHERE status = 'NEEDS_REVIEW'
    OR status = 'UNKNOWN' AND created_at < CAST(:#unknownBefore AS timestamptz)
 ORDER BY created_at, id
 LIMIT :#limit OFFSET :#offset
