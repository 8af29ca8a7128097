-- The payment an Idempotency-Key of this client made, and whether its first request may still be running: it
-- is in flight for at most the initiation budget (leaseSeconds, see InitiationBudget) after the row was stored.
-- After that, a missing answer (response_code NULL) means that request died (kill -9, a database failure while
-- recording it) and the key answers with the payment as it is now. Judged on the database's clock, one for all.
SELECT *, payment_refunded_amount(id) AS refunded_amount,
       created_at > now() - make_interval(secs => :#leaseSeconds) AS request_may_be_running
  FROM payment
 WHERE client_id = :#clientId AND idempotency_key = :#idempotencyKey
