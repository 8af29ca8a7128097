-- MTN Disbursement, Remittance and refunds (docs/mtn.md).

-- The provider operation that carries a payment, chosen when it is stored and used for every later status
-- query: MTN's resource (requesttopay, transfer, deposit, refund). Changing gateway.mtn.disbursement.resource
-- therefore never sends the status query of an open payment to the wrong resource.
ALTER TABLE payment ADD COLUMN provider_operation TEXT;

-- Daily limits are per phone number, currency and UTC day.
CREATE INDEX payment_phone_day ON payment (phone_number, currency, created_at);

-- Checks that must hold under concurrent requests (daily limits, the refunded total) are made inside the
-- INSERT statement that stores the payment, after taking a lock. A plain subquery in that statement would
-- read with the statement's snapshot, taken before the lock was granted, and miss a payment another request
-- committed meanwhile. These functions are VOLATILE PL/pgSQL on purpose: each query in them takes a fresh
-- snapshot, so once the lock is held they see everything committed before it.

-- Total of a number's payments of these types today (UTC) that may still move or have moved money
-- (PENDING, UNKNOWN, SUCCESSFUL), holding a transaction lock per number, currency and direction until the
-- calling statement commits: two requests for the same number cannot both pass the daily limit.
CREATE FUNCTION payment_daily_total(p_phone_number TEXT, p_currency TEXT, p_direction TEXT, p_types TEXT[])
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
       AND status IN ('PENDING', 'UNKNOWN', 'SUCCESSFUL')
       AND created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    RETURN total;
END;
$$;

-- Total of a payment's refunds that may still move or have moved money (PENDING, UNKNOWN, SUCCESSFUL).
-- Call it after locking the original payment's row (SELECT ... FOR UPDATE): it then sees every refund
-- committed before the lock, so two refunds cannot together exceed the collected amount.
CREATE FUNCTION payment_refunds_total(p_original_payment_id UUID)
    RETURNS NUMERIC
    LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    total NUMERIC;
BEGIN
    SELECT COALESCE(sum(amount), 0) INTO total
      FROM payment
     WHERE original_payment_id = p_original_payment_id
       AND status IN ('PENDING', 'UNKNOWN', 'SUCCESSFUL');
    RETURN total;
END;
$$;

-- Whether a client already used an Idempotency-Key, read with a fresh snapshot (after the locks above), so that
-- a concurrent duplicate of a request is answered as a replay rather than refused by a limit the first one used.
CREATE FUNCTION payment_idempotency_key_taken(p_client_id UUID, p_idempotency_key TEXT)
    RETURNS BOOLEAN
    LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    RETURN p_idempotency_key IS NOT NULL
       AND EXISTS (SELECT 1 FROM payment WHERE client_id = p_client_id AND idempotency_key = p_idempotency_key);
END;
$$;

-- What GET /payments shows as a collection's refundedAmount: its SUCCESSFUL refunds.
CREATE FUNCTION payment_refunded_amount(p_payment_id UUID)
    RETURNS NUMERIC
    LANGUAGE sql STABLE AS $$
    SELECT COALESCE(sum(amount), 0) FROM payment
     WHERE original_payment_id = p_payment_id AND status = 'SUCCESSFUL'
$$;
