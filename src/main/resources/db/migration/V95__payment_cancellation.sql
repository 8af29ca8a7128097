-- Cancellation (docs/cancellation.md): POST /api/v1/payments/{id}/cancel makes an open collection CANCELLED, final
-- for the merchant. MTN and M-Pesa cannot take back a request already on the customer's phone, so the gateway keeps
-- listening: provider_outcome records what the provider finally says about a cancelled payment.
--   WAITING     the provider may still complete it; callbacks and the poller keep applying its answers
--   SUCCESSFUL  the customer paid after all: the poller refunds it automatically (select-refunds-due.sql)
--   FAILED, EXPIRED  no money moved
-- NULL for every payment that was never cancelled.
ALTER TABLE payment ADD COLUMN provider_outcome TEXT
    CONSTRAINT payment_provider_outcome_known CHECK (provider_outcome IN ('WAITING', 'SUCCESSFUL', 'FAILED', 'EXPIRED'));

ALTER TABLE payment DROP CONSTRAINT payment_status_known;
ALTER TABLE payment ADD CONSTRAINT payment_status_known
    CHECK (status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW', 'SUCCESSFUL', 'FAILED', 'EXPIRED', 'CANCELLED'));

-- CANCELLED is final like the others: it never becomes another status (its provider_outcome still moves once).
CREATE OR REPLACE FUNCTION payment_final_status_is_frozen() RETURNS trigger AS $$
BEGIN
    IF OLD.status IN ('SUCCESSFUL', 'FAILED', 'EXPIRED', 'CANCELLED') AND NEW.status <> OLD.status THEN
        RAISE EXCEPTION 'payment % is final (%), cannot become %', OLD.id, OLD.status, NEW.status;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- A provider outcome, once final, never changes either.
CREATE FUNCTION payment_provider_outcome_is_frozen() RETURNS trigger AS $$
BEGIN
    IF OLD.provider_outcome IN ('SUCCESSFUL', 'FAILED', 'EXPIRED') AND NEW.provider_outcome IS DISTINCT FROM OLD.provider_outcome THEN
        RAISE EXCEPTION 'payment % has a final provider outcome (%), cannot become %', OLD.id, OLD.provider_outcome,
            NEW.provider_outcome;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER payment_provider_outcome_is_frozen
    BEFORE UPDATE OF provider_outcome ON payment
    FOR EACH ROW EXECUTE FUNCTION payment_provider_outcome_is_frozen();

-- The poller asks about open payments and about cancelled ones still waiting for the provider.
DROP INDEX payment_due_for_poll;
CREATE INDEX payment_due_for_poll ON payment (next_poll_at)
    WHERE status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW') OR provider_outcome = 'WAITING';

-- Cancelled collections the customer paid after all: few rows, read by the poller at each tick for refunds due.
CREATE INDEX payment_paid_after_cancellation ON payment (updated_at)
    WHERE status = 'CANCELLED' AND provider_outcome = 'SUCCESSFUL';

-- A cancelled payment can have two webhooks: payment.cancelled, then payment.succeeded_after_cancellation.
-- Still at most one delivery per payment and event type.
DROP INDEX webhook_delivery_payment;
CREATE UNIQUE INDEX webhook_delivery_payment ON webhook_delivery (payment_id, event_type);

CREATE OR REPLACE FUNCTION payment_final_webhook() RETURNS trigger AS $$
BEGIN
    INSERT INTO webhook_delivery (id, client_id, payment_id, event_type, status, next_attempt_at)
    SELECT gen_random_uuid(), e.client_id, NEW.id,
           CASE NEW.status WHEN 'SUCCESSFUL' THEN 'payment.succeeded'
                           WHEN 'FAILED' THEN 'payment.failed'
                           WHEN 'CANCELLED' THEN 'payment.cancelled'
                           ELSE 'payment.expired' END,
           'PENDING', now()
      FROM webhook_endpoint e
     WHERE e.client_id = NEW.client_id
    ON CONFLICT (payment_id, event_type) DO NOTHING;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER payment_final_webhook ON payment;
CREATE TRIGGER payment_final_webhook
    AFTER UPDATE OF status ON payment
    FOR EACH ROW
    WHEN (OLD.status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW')
          AND NEW.status IN ('SUCCESSFUL', 'FAILED', 'EXPIRED', 'CANCELLED'))
    EXECUTE FUNCTION payment_final_webhook();

-- The customer paid a cancelled payment after all: the merchant hears it (the automatic refund follows as a
-- REFUND payment with webhooks of its own), in the same statement as the provider's answer.
CREATE FUNCTION payment_late_success_webhook() RETURNS trigger AS $$
BEGIN
    INSERT INTO webhook_delivery (id, client_id, payment_id, event_type, status, next_attempt_at)
    SELECT gen_random_uuid(), e.client_id, NEW.id, 'payment.succeeded_after_cancellation', 'PENDING', now()
      FROM webhook_endpoint e
     WHERE e.client_id = NEW.client_id
    ON CONFLICT (payment_id, event_type) DO NOTHING;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER payment_late_success_webhook
    AFTER UPDATE OF provider_outcome ON payment
    FOR EACH ROW
    WHEN (OLD.provider_outcome = 'WAITING' AND NEW.provider_outcome = 'SUCCESSFUL')
    EXECUTE FUNCTION payment_late_success_webhook();

-- Daily limits: a cancelled payment counts while the provider may still complete it (WAITING) and when it did
-- (SUCCESSFUL: the money moved, the refund is money out); not once it failed or expired there. Same as V83 otherwise.
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
       AND (status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW', 'SUCCESSFUL')
            OR (status = 'CANCELLED' AND provider_outcome IN ('WAITING', 'SUCCESSFUL')))
       AND created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    RETURN total;
END;
$$;

-- The merchant's cancellation requests, for Idempotency-Key replays of POST /payments/{id}/cancel: a payment is
-- cancelled once, so one row per payment.
CREATE TABLE payment_cancellation (
    payment_id       UUID PRIMARY KEY REFERENCES payment (id),
    client_id        UUID        NOT NULL REFERENCES client (id),
    idempotency_key  TEXT,
    request_hash     TEXT        NOT NULL,
    note             TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX payment_cancellation_key ON payment_cancellation (client_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
