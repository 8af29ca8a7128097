-- Claims items of running reconciliation runs, oldest first. SKIP LOCKED keeps two instances off the same items;
-- the lease (claimed_until) keeps others off while this one asks the provider, and gives the items back by itself
-- when this instance dies, so a run interrupted by a crash is finished later. Each row is the payment as it is now.
UPDATE reconciliation_item i
   SET claimed_until = now() + make_interval(secs => :#leaseSeconds),
       attempts = i.attempts + 1
  FROM payment p
 WHERE p.id = i.payment_id
   AND i.id IN (SELECT c.id
                  FROM reconciliation_item c JOIN reconciliation_run r ON r.id = c.run_id
                 WHERE c.state = 'TO_CHECK' AND r.status = 'RUNNING'
                   AND (c.claimed_until IS NULL OR c.claimed_until < now())
                 ORDER BY c.id
                 LIMIT :#limit
                 FOR UPDATE OF c SKIP LOCKED)
RETURNING p.*, i.id AS item_id, i.run_id AS item_run_id, i.attempts AS item_attempts
