-- Claims open payments whose next poll is due. SKIP LOCKED lets several gateway instances poll side by
-- side without taking the same rows; pushing next_poll_at forward (a lease) keeps other instances off
-- them while this one asks the provider, and brings them back by themselves if this instance dies.
-- Cancelled payments still waiting for their provider (provider_outcome WAITING) are asked about like open ones.
UPDATE payment p
   SET next_poll_at = now() + make_interval(secs => :#leaseSeconds),
       poll_attempts = p.poll_attempts + 1
 WHERE p.id IN (SELECT id FROM payment
                 WHERE (status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW') OR provider_outcome = 'WAITING')
                   AND next_poll_at <= now()
                 ORDER BY next_poll_at
                 LIMIT :#batchSize
                 FOR UPDATE SKIP LOCKED)
RETURNING p.*
