SELECT * FROM payment WHERE client_id = :#clientId AND idempotency_key = :#idempotencyKey
