-- How many payments wait in the review queue (list-payments-in-review.sql without its page).
SELECT count(*) FROM payment
 WHERE status = 'NEEDS_REVIEW'
    OR status = 'UNKNOWN' AND created_at < CAST(:#unknownBefore AS timestamptz)
