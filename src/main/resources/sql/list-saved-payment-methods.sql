-- A merchant's saved payment methods, the default first, then oldest first.
SELECT * FROM saved_payment_method WHERE client_id = :#clientId ORDER BY is_default DESC, created_at, id
