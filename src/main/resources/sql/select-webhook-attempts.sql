SELECT * FROM webhook_attempt WHERE delivery_id = :#id ORDER BY id
