-- Per-client guards of the merchant API (README "Security", docs/request-signing.md): rate limits by kind of call,
-- an IP allowlist and optional request signing. A client without a row here has the defaults
-- (gateway.rate-limits.*, every source allowed, no signing).
CREATE TABLE client_policy (
    client_id              uuid        PRIMARY KEY REFERENCES client (id),
    -- NULL = the configured default; 0 = unlimited.
    initiations_per_minute integer     CHECK (initiations_per_minute >= 0),
    reads_per_minute       integer     CHECK (reads_per_minute >= 0),
    -- CIDR ranges or single addresses (IPv4 or IPv6); empty = every source allowed.
    allowed_sources        text[]      NOT NULL DEFAULT '{}',
    -- Encrypted with SecretCipher (signing needs the secret back, a hash would not do); NULL = signing not required.
    signing_secret         text,
    updated_at             timestamptz NOT NULL DEFAULT now()
);

-- One row per client and kind of call: a window of one minute that starts with the first call after the last
-- window ended, and the calls counted in it. Taking a permit is one INSERT ... ON CONFLICT DO UPDATE ... RETURNING
-- (ClientRateLimits), like provider_rate_limit (V82); no index column changes, so the update stays HOT.
-- UNLOGGED: a counter needs no write-ahead log (no flush at each commit: about 0.13 ms a call instead of 0.38 ms,
-- docs/benchmarks.md); a crash of PostgreSQL empties the table, which only starts every window afresh.
CREATE UNLOGGED TABLE client_rate_limit (
    client_id    uuid        NOT NULL,
    kind         text        NOT NULL,
    window_start timestamptz NOT NULL,
    used         integer     NOT NULL,
    PRIMARY KEY (client_id, kind)
) WITH (fillfactor = 50);

-- Signatures seen within the tolerance window: a second request with the same signature is a replay.
-- Rows older than the window are deleted by the gateway (RequestSignatures).
CREATE TABLE request_signature_seen (
    signature text        PRIMARY KEY,
    seen_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX request_signature_seen_at ON request_signature_seen (seen_at);
