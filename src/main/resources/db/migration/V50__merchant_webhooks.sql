-- Signed merchant webhooks (docs/webhooks.md): a client's endpoint, a transactional outbox of deliveries
-- (one per payment that reached a final state) and every attempt made to deliver them.

-- One endpoint per client. The signing secret is kept in clear because signing needs it (a hash would not
-- do); it is shown to the client only when created or rotated. After a rotation the previous secret also
-- signs until previous_secret_expires_at, so a merchant can switch without losing a delivery.
CREATE TABLE webhook_endpoint (
    client_id                  UUID PRIMARY KEY REFERENCES client (id),
    url                        TEXT        NOT NULL,
    secret                     TEXT        NOT NULL,
    previous_secret            TEXT,
    previous_secret_expires_at TIMESTAMPTZ,
    secret_rotated_at          TIMESTAMPTZ,
    created_at                 TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                 TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The outbox. The id is the event id the merchant de-duplicates on: the same on every retry and replay.
-- payload is the signed body, fixed at the first attempt so that every attempt sends the same bytes.
-- next_attempt_at doubles as the lease of a claimed delivery (as payment.next_poll_at does for the poller):
-- lease_token names the claim, so only the claim's own result is recorded.
CREATE TABLE webhook_delivery (
    id                UUID PRIMARY KEY,
    client_id         UUID        NOT NULL REFERENCES client (id),
    payment_id        UUID        NOT NULL REFERENCES payment (id),
    event_type        TEXT        NOT NULL,   -- payment.succeeded, payment.failed, payment.expired
    status            TEXT        NOT NULL,   -- PENDING, DELIVERED, FAILED
    payload           TEXT,
    attempts          INT         NOT NULL DEFAULT 0,
    first_attempt_at  TIMESTAMPTZ,            -- start of the retry window (gateway.webhooks.retry-for)
    last_attempt_at   TIMESTAMPTZ,
    next_attempt_at   TIMESTAMPTZ,
    lease_token       UUID,
    last_http_status  SMALLINT,
    last_error        TEXT,
    delivered_at      TIMESTAMPTZ,
    replays           INT         NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT webhook_delivery_status_known CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED'))
);
-- A payment reaches a final state once (payment_final_status_is_frozen), so it has at most one delivery.
CREATE UNIQUE INDEX webhook_delivery_payment ON webhook_delivery (payment_id);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_client_created ON webhook_delivery (client_id, created_at DESC);

CREATE TABLE webhook_attempt (
    id            BIGSERIAL PRIMARY KEY,
    delivery_id   UUID        NOT NULL REFERENCES webhook_delivery (id),
    number        INT         NOT NULL,
    url           TEXT,                   -- NULL: no endpoint was configured any more
    http_status   SMALLINT,               -- NULL: no answer (refused, timed out, ...), see error
    error         TEXT,
    duration_ms   INT         NOT NULL,
    attempted_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, id);

-- The outbox row is written by a trigger on the payment's final transition rather than by a CTE in
-- record-initiation.sql and apply-status.sql: one place, the same statement and transaction as the status
-- change, for every path that can make a payment final (initiation, callbacks, poller, refresh,
-- reconciliation, and any added later), refunds included. The same event thus cannot be forgotten on one
-- path or written twice. A client without an endpoint gets no delivery.
CREATE FUNCTION payment_final_webhook() RETURNS trigger AS $$
BEGIN
    INSERT INTO webhook_delivery (id, client_id, payment_id, event_type, status, next_attempt_at)
    SELECT gen_random_uuid(), e.client_id, NEW.id,
           CASE NEW.status WHEN 'SUCCESSFUL' THEN 'payment.succeeded'
                           WHEN 'FAILED' THEN 'payment.failed'
                           ELSE 'payment.expired' END,
           'PENDING', now()
      FROM webhook_endpoint e
     WHERE e.client_id = NEW.client_id
    ON CONFLICT (payment_id) DO NOTHING;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER payment_final_webhook
    AFTER UPDATE OF status ON payment
    FOR EACH ROW
    WHEN (OLD.status IN ('PENDING', 'UNKNOWN') AND NEW.status IN ('SUCCESSFUL', 'FAILED', 'EXPIRED'))
    EXECUTE FUNCTION payment_final_webhook();
