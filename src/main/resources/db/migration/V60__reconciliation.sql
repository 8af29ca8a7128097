-- Reconciliation (docs/reconciliation.md): a run compares a merchant's payments of a period with what their
-- providers say now; an item per payment holds what was found.
CREATE TABLE reconciliation_run (
    id            UUID PRIMARY KEY,
    client_id     UUID        NOT NULL REFERENCES client (id),
    origin        TEXT        NOT NULL,              -- API, SCHEDULE
    period_from   TIMESTAMPTZ NOT NULL,
    period_to     TIMESTAMPTZ NOT NULL,
    provider      TEXT,                              -- null = every provider
    status        TEXT        NOT NULL,              -- RUNNING, COMPLETED
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at  TIMESTAMPTZ,
    CHECK (period_from < period_to)
);
CREATE INDEX reconciliation_run_client ON reconciliation_run (client_id, created_at DESC);
CREATE INDEX reconciliation_run_running ON reconciliation_run (id) WHERE status = 'RUNNING';
-- The daily job fires on every instance's schedule but makes one run per merchant and day, however often it fires.
CREATE UNIQUE INDEX reconciliation_run_scheduled_day ON reconciliation_run (client_id, period_from, period_to)
    WHERE origin = 'SCHEDULE';

CREATE TABLE reconciliation_item (
    id                  BIGSERIAL PRIMARY KEY,
    run_id              UUID        NOT NULL REFERENCES reconciliation_run (id),
    payment_id          UUID        NOT NULL REFERENCES payment (id),
    state               TEXT        NOT NULL DEFAULT 'TO_CHECK',  -- TO_CHECK, AWAITING_RESULT, DONE
    result              TEXT,       -- MATCHED, RESOLVED, OPEN, MISMATCHED, UNVERIFIED (ReconciliationResult)
    status_before       TEXT,       -- our status when the provider was asked
    status_after        TEXT,       -- our status once the answer was applied (never a changed final status)
    provider_status     TEXT,       -- what the provider says: SUCCESSFUL, FAILED, PENDING, NOT_FOUND
    provider_amount     NUMERIC(19, 4),
    provider_reference  TEXT,
    note                TEXT,
    attempts            INT         NOT NULL DEFAULT 0,
    claimed_until       TIMESTAMPTZ,                 -- lease of the instance checking it
    reply_token_hash    TEXT,       -- M-Pesa Transaction Status: SHA-256 of the secret in its ResultURL
    await_until         TIMESTAMPTZ,                 -- ... and how long its Result is waited for
    checked_at          TIMESTAMPTZ,
    UNIQUE (run_id, payment_id)
);
CREATE INDEX reconciliation_item_to_check ON reconciliation_item (id) WHERE state = 'TO_CHECK';
CREATE INDEX reconciliation_item_awaiting ON reconciliation_item (await_until) WHERE state = 'AWAITING_RESULT';
CREATE INDEX reconciliation_item_run ON reconciliation_item (run_id, id);

-- The daily job looks for the merchants that had payments on a day.
CREATE INDEX payment_created ON payment (created_at);
