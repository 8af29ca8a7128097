-- How many payments wait in the review queue (also the gateway.payments.needs.review gauge).
SELECT count(*) FROM payment WHERE status = 'NEEDS_REVIEW'
