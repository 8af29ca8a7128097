SELECT * FROM saved_payment_method WHERE id = :#id AND client_id = :#clientId
