-- Asks about an open payment (or a cancelled one still waiting for its provider) again after :#nextPollSeconds (0: at the poller's next tick), status untouched.
UPDATE payment SET next_poll_at = now() + make_interval(secs => :#nextPollSeconds)
 WHERE id = :#id AND (status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW') OR provider_outcome = 'WAITING')
