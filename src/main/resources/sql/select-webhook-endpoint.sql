SELECT * FROM webhook_endpoint WHERE client_id = :#clientId
