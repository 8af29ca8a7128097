-- What a poller tick has to do, in one read: whether an open payment is due for a poll (claim-due-payments.sql)
-- and whether a cancelled collection is due for its automatic refund (select-refunds-due.sql, the same rows). Each
-- instance fires its own poller every interval; with nothing due this read, on two partial indexes, is all it costs.
SELECT EXISTS (SELECT 1 FROM payment
                WHERE (status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW') OR provider_outcome = 'WAITING')
                  AND next_poll_at <= now()) AS payments_due,
       EXISTS (SELECT 1 FROM payment p
                WHERE p.status = 'CANCELLED' AND p.provider_outcome = 'SUCCESSFUL' AND p.type = 'COLLECTION'
                  AND payment_refunds_total(p.id) < p.amount
                  AND (SELECT count(*) FROM payment r
                        WHERE r.original_payment_id = p.id AND r.payer_message = :#reason
                          AND r.status IN ('FAILED', 'EXPIRED')) < :#maxAttempts) AS refunds_due
