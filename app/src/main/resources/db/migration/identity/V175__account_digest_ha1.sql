-- HTTP Digest for OpenRosa (issue 11 §3): ODK Collect over plain http authenticates only with Digest (RFC 2617),
-- which needs on the server either the password or HA1 = MD5(username ":" realm ":" password). HA1 is kept per
-- account, computed whenever the plaintext password is known (set, changed, a successful sign-in); null until then,
-- so such an account can use Basic only. It opens only the OpenRosa realm (the form login checks the Argon2 hash).
ALTER TABLE app_user ADD COLUMN digest_ha1 text CHECK (digest_ha1 ~ '^[0-9a-f]{32}$');
