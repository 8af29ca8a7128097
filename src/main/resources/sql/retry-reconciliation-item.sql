-- The provider could not be asked about this payment of a run (unreachable, throttled, circuit open): it is checked
-- again after gateway.reconciliation.retry-delay, with a new Transaction Status secret if it needs one.
UPDATE reconciliation_item
   SET state = 'TO_CHECK', reply_token_hash = NULL, await_until = NULL,
       claimed_until = now() + make_interval(secs => :#retrySeconds)
 WHERE id = :#itemId AND state <> 'DONE'
