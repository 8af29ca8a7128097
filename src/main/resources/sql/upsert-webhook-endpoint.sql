-- PUT /webhook-endpoint: sets the client's endpoint URL. A new endpoint takes the signing secret generated for
-- this request; an existing one keeps its own (POST /webhook-endpoint/rotate-secret replaces it).
-- created tells the two apart (xmax is 0 for a row this statement inserted).
INSERT INTO webhook_endpoint AS e (client_id, url, secret)
VALUES (:#clientId, :#url, :#secret)
ON CONFLICT (client_id) DO UPDATE SET url = EXCLUDED.url, updated_at = now()
RETURNING e.*, (e.xmax = 0) AS created
