-- Clients (merchants) and their API keys. Keys are stored as SHA-256 hashes: they are
-- long random secrets, so a fast hash is enough and keeps authentication cheap.
CREATE TABLE client (
    id          UUID PRIMARY KEY,
    name        TEXT        NOT NULL,
    active      BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE api_key (
    id          UUID PRIMARY KEY,
    client_id   UUID        NOT NULL REFERENCES client (id),
    key_hash    TEXT        NOT NULL UNIQUE,
    key_prefix  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at  TIMESTAMPTZ
);

-- One row per money movement. The id is also the provider reference we send
-- (MTN X-Reference-Id, M-Pesa OriginatorConversationID), so a resend after a timeout is safe.
CREATE TABLE payment (
    id                        UUID PRIMARY KEY,
    client_id                 UUID          NOT NULL REFERENCES client (id),
    type                      TEXT          NOT NULL,  -- COLLECTION, DISBURSEMENT, REMITTANCE, REFUND
    provider                  TEXT          NOT NULL,  -- MTN_MOMO, MPESA
    product                   TEXT          NOT NULL,  -- provider product: COLLECTION, DISBURSEMENT, REMITTANCE, STK_PUSH, B2C, REVERSAL
    status                    TEXT          NOT NULL,
    amount                    NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    currency                  CHAR(3)       NOT NULL,
    country                   CHAR(2)       NOT NULL,
    phone_number              TEXT          NOT NULL,
    external_id               TEXT,
    payer_message             TEXT,
    payee_note                TEXT,
    metadata                  JSONB,
    idempotency_key           TEXT,
    request_hash              TEXT,
    response_code             SMALLINT,     -- HTTP status of the first answer; NULL while the first request runs
    reason                    TEXT,         -- our failure reason (FailureReason)
    error_message             TEXT,
    provider_reason           TEXT,         -- the provider's own code, kept verbatim
    provider_reference        TEXT,         -- provider-side id when it differs from ours (CheckoutRequestID, ConversationID)
    financial_transaction_id  TEXT,
    provider_response         JSONB,        -- last status body seen from the provider
    callback_token_hash       TEXT,
    original_payment_id       UUID REFERENCES payment (id),
    poll_attempts             INT           NOT NULL DEFAULT 0,
    next_poll_at              TIMESTAMPTZ,
    created_at                TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at                TIMESTAMPTZ   NOT NULL DEFAULT now(),
    completed_at              TIMESTAMPTZ,
    CONSTRAINT payment_status_known CHECK (status IN ('PENDING', 'UNKNOWN', 'SUCCESSFUL', 'FAILED', 'EXPIRED'))
);

CREATE UNIQUE INDEX payment_idempotency_key ON payment (client_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX payment_client_created ON payment (client_id, created_at DESC);
CREATE INDEX payment_due_for_poll ON payment (next_poll_at) WHERE status IN ('PENDING', 'UNKNOWN');
CREATE INDEX payment_original ON payment (original_payment_id) WHERE original_payment_id IS NOT NULL;

-- Append-only history: one row per creation and per status change (and per rejected callback).
CREATE TABLE payment_event (
    id           BIGSERIAL PRIMARY KEY,
    payment_id   UUID        NOT NULL REFERENCES payment (id),
    type         TEXT        NOT NULL,
    from_status  TEXT,
    to_status    TEXT,
    reason       TEXT,
    source       TEXT        NOT NULL,  -- API, PROVIDER, CALLBACK, POLLER, REFRESH, RECONCILIATION
    details      JSONB,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX payment_event_payment ON payment_event (payment_id, id);

-- Defence in depth for the lifecycle rules the application already follows:
-- a final status never changes, and history is never rewritten.
CREATE FUNCTION payment_final_status_is_frozen() RETURNS trigger AS $$
BEGIN
    IF OLD.status IN ('SUCCESSFUL', 'FAILED', 'EXPIRED') AND NEW.status <> OLD.status THEN
        RAISE EXCEPTION 'payment % is final (%), cannot become %', OLD.id, OLD.status, NEW.status;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER payment_final_status_is_frozen
    BEFORE UPDATE OF status ON payment
    FOR EACH ROW EXECUTE FUNCTION payment_final_status_is_frozen();

CREATE FUNCTION payment_event_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'payment_event rows are append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER payment_event_is_append_only
    BEFORE UPDATE OR DELETE ON payment_event
    FOR EACH ROW EXECUTE FUNCTION payment_event_is_append_only();
