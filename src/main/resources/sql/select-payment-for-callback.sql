-- Callbacks carry no API key: the payment is found by id and authenticated by its callback token.
SELECT * FROM payment WHERE id = :#id
