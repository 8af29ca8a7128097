-- Bulk payouts: a batch per uploaded or dropped CSV file, an item per row.
CREATE TABLE disbursement_batch (
    id                UUID PRIMARY KEY,
    client_id         UUID        NOT NULL REFERENCES client (id),
    source            TEXT        NOT NULL,              -- API, FILE
    file_name         TEXT,
    file_sha256       TEXT,
    status            TEXT        NOT NULL,              -- see BatchStatus
    status_reason     TEXT,
    total_rows        INT         NOT NULL DEFAULT 0,
    valid_rows        INT         NOT NULL DEFAULT 0,
    invalid_rows      INT         NOT NULL DEFAULT 0,
    paused_until      TIMESTAMPTZ,
    result_file       TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    approved_at       TIMESTAMPTZ,
    completed_at      TIMESTAMPTZ
);
-- The same file twice for one client is one payout, not two.
CREATE UNIQUE INDEX disbursement_batch_file ON disbursement_batch (client_id, file_sha256) WHERE file_sha256 IS NOT NULL;
CREATE INDEX disbursement_batch_client ON disbursement_batch (client_id, created_at DESC);
CREATE INDEX disbursement_batch_processing ON disbursement_batch (status) WHERE status IN ('PROCESSING', 'PAUSED');

CREATE TABLE disbursement_batch_item (
    id               BIGSERIAL PRIMARY KEY,
    batch_id         UUID        NOT NULL REFERENCES disbursement_batch (id),
    row_number       INT         NOT NULL,
    client_id        UUID        NOT NULL,
    external_id      TEXT,
    phone_number     TEXT,
    amount           TEXT,       -- as written in the file; the payment holds the validated NUMERIC
    currency         TEXT,
    provider         TEXT,
    narration        TEXT,
    status           TEXT        NOT NULL,               -- INVALID, VALID, SUBMITTED, REFUSED, SKIPPED
    error_code       TEXT,
    error_message    TEXT,
    payment_id       UUID,       -- fixed before the payment is created: a row can never get two payments
    claimed_until    TIMESTAMPTZ,
    UNIQUE (batch_id, row_number)
);
-- A client's external id is paid once, across all files: duplicates are refused at validation.
CREATE UNIQUE INDEX disbursement_item_external_id ON disbursement_batch_item (client_id, external_id)
    WHERE status IN ('VALID', 'SUBMITTED', 'REFUSED');
CREATE INDEX disbursement_item_to_pay ON disbursement_batch_item (batch_id, row_number) WHERE status = 'VALID';
CREATE INDEX disbursement_item_payment ON disbursement_batch_item (payment_id) WHERE payment_id IS NOT NULL;

-- Camel's JDBC idempotent repository: the read lock that lets one gateway instance, and only one,
-- pick up a dropped file.
CREATE TABLE camel_messageprocessed (
    processorname VARCHAR(255) NOT NULL,
    messageid     VARCHAR(255) NOT NULL,
    createdat     TIMESTAMP    NOT NULL DEFAULT now(),
    PRIMARY KEY (processorname, messageid)
);
