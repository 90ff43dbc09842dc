-- Password reset by e-mail (issue 10 §6): a single-use, time-limited token per request. Only the token's SHA-256
-- is stored, so a copy of the database (a backup, a read replica) opens no account; the token itself travels
-- in the e-mailed link only. Used once (used_at set by compare-and-set), then kept as a record of the reset.
CREATE TABLE password_reset (
    id           UUID PRIMARY KEY,
    user_id      UUID NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    token_hash   BYTEA NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    requested_by TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    used_at      TIMESTAMPTZ,
    CHECK (expires_at > created_at),
    CHECK (used_at IS NULL OR used_at >= created_at)
);
CREATE INDEX password_reset_user_idx ON password_reset (user_id, created_at);
