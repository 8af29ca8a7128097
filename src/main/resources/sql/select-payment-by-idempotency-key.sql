SELECT *, payment_refunded_amount(id) AS refunded_amount FROM payment WHERE client_id = :#clientId AND idempotency_key = :#idempotencyKey
