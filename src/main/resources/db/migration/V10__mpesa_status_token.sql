-- M-Pesa Transaction Status results (docs/providers.md#daraja-transaction-status) come back asynchronously to a URL carrying a
-- per-query secret; only its SHA-256 is stored, like callback_token_hash.
ALTER TABLE payment ADD COLUMN status_token_hash TEXT;
