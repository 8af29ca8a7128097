-- The body is fixed by a delivery's first attempt: every later attempt and replay sends the same bytes
-- (the first writer wins should two attempts race).
UPDATE webhook_delivery SET payload = COALESCE(payload, :#payload) WHERE id = :#id RETURNING payload
