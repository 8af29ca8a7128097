SELECT *, payment_refunded_amount(id) AS refunded_amount FROM payment WHERE id = :#id AND client_id = :#clientId
