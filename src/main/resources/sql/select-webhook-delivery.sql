SELECT * FROM webhook_delivery WHERE id = :#id AND client_id = :#clientId
