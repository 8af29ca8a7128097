-- POST /webhook-deliveries/{id}/replay: sends one of the client's deliveries again now, whatever its status,
-- with the same event id and body, and a new retry window. A claim still in flight no longer records its
-- result (its lease_token is gone). Says whether the delivery was found and whether there is an endpoint.
WITH delivery AS (
    SELECT id FROM webhook_delivery WHERE id = :#id AND client_id = :#clientId FOR UPDATE
), endpoint AS (
    SELECT client_id FROM webhook_endpoint WHERE client_id = :#clientId
), replayed AS (
    UPDATE webhook_delivery d
       SET status = 'PENDING',
           next_attempt_at = now(),
           first_attempt_at = NULL,
           lease_token = NULL,
           replays = d.replays + 1,
           updated_at = now()
      FROM delivery
     WHERE d.id = delivery.id AND EXISTS (SELECT 1 FROM endpoint)
    RETURNING d.*
)
SELECT EXISTS (SELECT 1 FROM delivery) AS found, EXISTS (SELECT 1 FROM endpoint) AS has_endpoint, r.*
  FROM (SELECT 1) AS one LEFT JOIN replayed r ON TRUE
