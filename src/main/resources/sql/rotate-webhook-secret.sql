-- POST /webhook-endpoint/rotate-secret: a new signing secret. The one it replaces still signs (a second v1 in
-- the signature header) for the overlap, so the merchant can deploy the new one without rejecting a webhook.
UPDATE webhook_endpoint
   SET previous_secret = secret,
       previous_secret_expires_at = now() + make_interval(secs => :#overlapSeconds),
       secret = :#secret,
       secret_rotated_at = now(),
       updated_at = now()
 WHERE client_id = :#clientId
RETURNING *
