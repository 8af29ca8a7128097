-- The daily job: a run (and its items) for every merchant that had payments in the period. The unique index on
-- scheduled runs makes a second firing for the same day, on this instance or another, create nothing.
-- Merchants are found one index probe each (payment_client_created): an index on created_at alone would cost every
-- payment write for a query that runs once a day.
WITH merchants AS (
    SELECT c.id AS client_id FROM client c
     WHERE EXISTS (SELECT 1 FROM payment p WHERE p.client_id = c.id AND p.created_at >= :#from AND p.created_at < :#to)
), runs AS (
    INSERT INTO reconciliation_run (id, client_id, origin, period_from, period_to, status)
    SELECT gen_random_uuid(), client_id, 'SCHEDULE', :#from, :#to, 'RUNNING' FROM merchants
    ON CONFLICT (client_id, period_from, period_to) WHERE origin = 'SCHEDULE' DO NOTHING
    RETURNING id, client_id, period_from, period_to
), items AS (
    INSERT INTO reconciliation_item (run_id, payment_id)
    SELECT r.id, p.id
      FROM runs r JOIN payment p ON p.client_id = r.client_id
     WHERE p.created_at >= r.period_from AND p.created_at < r.period_to
)
SELECT id, client_id FROM runs
