SELECT * FROM payment WHERE id = :#id AND client_id = :#clientId
