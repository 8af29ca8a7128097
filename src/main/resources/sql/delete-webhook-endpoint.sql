-- DELETE /webhook-endpoint: no delivery is written for the client's later payments; pending ones end FAILED
-- at their next attempt (nothing to send to) and can be replayed once an endpoint is set again.
DELETE FROM webhook_endpoint WHERE client_id = :#clientId RETURNING *
