-- Before a resend of a payment's request leaves the gateway: one more attempt that may reach the provider (V81).
-- Only while the payment is open: one a callback or the poller settled meanwhile is not sent again (no row comes
-- back). The first poll moves back to a whole initiation budget from now, so the poller never asks about, and
-- never fails as "not found", a payment whose resend may still be on its way.
UPDATE payment
   SET send_attempts = send_attempts + 1,
       next_poll_at = GREATEST(next_poll_at, now() + make_interval(secs => :#leaseSeconds))
 WHERE id = :#id AND status IN ('PENDING', 'UNKNOWN')
