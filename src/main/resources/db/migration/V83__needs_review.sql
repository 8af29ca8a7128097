-- NEEDS_REVIEW (README "Statuses", docs/mpesa.md): an open payment the gateway could not settle by itself within
-- gateway.poller.review-after, e.g. an M-Pesa STK push whose answer (its CheckoutRequestID) and callback were both
-- lost. It is not final: callbacks and status answers still settle it, the poller still asks (less often), and
-- an operator resolves it otherwise (resolve-payment.sql). Every rule below that lists the open statuses gains it.

ALTER TABLE payment DROP CONSTRAINT payment_status_known;
ALTER TABLE payment ADD CONSTRAINT payment_status_known
    CHECK (status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW', 'SUCCESSFUL', 'FAILED', 'EXPIRED'));

-- claim-due-payments.sql polls every open payment; the admin review queue and its gauge read the same index.
DROP INDEX payment_due_for_poll;
CREATE INDEX payment_due_for_poll ON payment (next_poll_at) WHERE status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW');

-- A payment in review that ends (late callback, status answer, operator) notifies the merchant like any other.
DROP TRIGGER payment_final_webhook ON payment;
CREATE TRIGGER payment_final_webhook
    AFTER UPDATE OF status ON payment
    FOR EACH ROW
    WHEN (OLD.status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW') AND NEW.status IN ('SUCCESSFUL', 'FAILED', 'EXPIRED'))
    EXECUTE FUNCTION payment_final_webhook();

-- Money may have moved for a payment in review: it counts towards the daily limit and the refunded total as
-- PENDING and UNKNOWN ones do (same functions as V20, one status more).
CREATE OR REPLACE FUNCTION payment_daily_total(p_phone_number TEXT, p_currency TEXT, p_direction TEXT, p_types TEXT[])
    RETURNS NUMERIC
    LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    total NUMERIC;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('payment-daily|' || p_phone_number || '|' || p_currency
                                                   || '|' || p_direction, 0));
    SELECT COALESCE(sum(amount), 0) INTO total
      FROM payment
     WHERE phone_number = p_phone_number
       AND currency = p_currency
       AND type = ANY (p_types)
       AND status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW', 'SUCCESSFUL')
       AND created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    RETURN total;
END;
$$;

CREATE OR REPLACE FUNCTION payment_refunds_total(p_original_payment_id UUID)
    RETURNS NUMERIC
    LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    total NUMERIC;
BEGIN
    SELECT COALESCE(sum(amount), 0) INTO total
      FROM payment
     WHERE original_payment_id = p_original_payment_id
       AND status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW', 'SUCCESSFUL');
    RETURN total;
END;
$$;
