-- A reconciliation run asked for by a merchant, with an item per payment of that merchant created in the period
-- (and of the provider, when one is given), in one statement: a run is never seen without its items. Payments
-- created after this are not part of it.
WITH run AS (
    INSERT INTO reconciliation_run (id, client_id, origin, period_from, period_to, provider, status)
    VALUES (:#id, :#clientId, 'API', :#from, :#to, :#provider, 'RUNNING')
    RETURNING id, client_id, period_from, period_to, provider
), items AS (
    INSERT INTO reconciliation_item (run_id, payment_id)
    SELECT r.id, p.id
      FROM run r JOIN payment p ON p.client_id = r.client_id
     WHERE p.created_at >= r.period_from AND p.created_at < r.period_to
       AND (r.provider IS NULL OR p.provider = r.provider)
)
SELECT id FROM run
