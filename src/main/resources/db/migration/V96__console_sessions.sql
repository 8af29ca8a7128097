-- Sessions of the operator console (docs/console.md): an operator pastes an API key once and the browser keeps only
-- an opaque cookie. Only hashes are stored: the cookie's token and the key it was opened with, so revoking that key
-- (or changing the admin key) ends its sessions at the next request.
CREATE TABLE console_session (
    token_hash  text        PRIMARY KEY,
    -- The merchant whose key opened it; NULL for the admin key.
    client_id   uuid        REFERENCES client (id),
    key_hash    text        NOT NULL,
    -- Sent back by the console in X-CSRF-Token on every state-changing call (synchronizer token).
    csrf_token  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);

CREATE INDEX console_session_expiry ON console_session (expires_at);

-- Who the operator said they are at login; the console puts it on what they resolve (README "Payments in review").
ALTER TABLE console_session ADD COLUMN operator text;
