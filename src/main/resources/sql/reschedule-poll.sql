-- The provider could not be asked (unreachable, circuit open): try again later, status untouched.
UPDATE payment SET next_poll_at = now() + make_interval(secs => :#nextPollSeconds)
 WHERE id = :#id AND status IN ('PENDING', 'UNKNOWN')
