-- Saves a merchant's payment method, or returns the one saved for that wallet before (V70 save_payment_method).
SELECT * FROM save_payment_method(:#id, :#clientId, :#provider, :#phoneNumber, :#country, :#isDefault)
