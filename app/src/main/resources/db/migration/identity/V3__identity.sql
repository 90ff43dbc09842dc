-- Identity: users with one role and one scope (agency + org unit), login throttling,
-- OAuth2 clients for machine access and the key that signs their tokens.

CREATE TABLE app_user (
    id            UUID PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
    password_hash TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL,
    agency_code   TEXT REFERENCES agency (code),
    scope_level   TEXT NOT NULL CHECK (scope_level IN ('COUNTRY', 'PROVINCE', 'DISTRICT', 'SUBDISTRICT', 'SERVICE_UNIT')),
    scope_area    VARCHAR(6) REFERENCES area (code),
    scope_unit_id UUID REFERENCES service_unit (id),
    locale        TEXT NOT NULL DEFAULT 'th',
    enabled       BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((scope_level = 'COUNTRY' AND scope_area IS NULL AND scope_unit_id IS NULL)
        OR (scope_level IN ('PROVINCE', 'DISTRICT', 'SUBDISTRICT') AND scope_area IS NOT NULL AND scope_unit_id IS NULL)
        OR (scope_level = 'SERVICE_UNIT' AND scope_unit_id IS NOT NULL))
);

-- Failed logins per account, shared by every node so that throttling holds behind a load balancer.
CREATE TABLE login_throttle (
    username      TEXT PRIMARY KEY,
    failures      INT NOT NULL DEFAULT 0,
    last_failure  TIMESTAMPTZ,
    locked_until  TIMESTAMPTZ
);

-- Spring Authorization Server (7.1) tables, with timestamptz and text as its notes ask for PostgreSQL.
CREATE TABLE oauth2_registered_client (
    id                            VARCHAR(100) NOT NULL PRIMARY KEY,
    client_id                     VARCHAR(100) NOT NULL UNIQUE,
    client_id_issued_at           TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP NOT NULL,
    client_secret                 VARCHAR(200) DEFAULT NULL,
    client_secret_expires_at      TIMESTAMPTZ DEFAULT NULL,
    client_name                   VARCHAR(200) NOT NULL,
    client_authentication_methods VARCHAR(1000) NOT NULL,
    authorization_grant_types     VARCHAR(1000) NOT NULL,
    redirect_uris                 VARCHAR(1000) DEFAULT NULL,
    post_logout_redirect_uris     VARCHAR(1000) DEFAULT NULL,
    scopes                        VARCHAR(1000) NOT NULL,
    client_settings               VARCHAR(2000) NOT NULL,
    token_settings                VARCHAR(2000) NOT NULL
);

CREATE TABLE oauth2_authorization (
    id                            VARCHAR(100) NOT NULL PRIMARY KEY,
    registered_client_id          VARCHAR(100) NOT NULL,
    principal_name                VARCHAR(200) NOT NULL,
    authorization_grant_type      VARCHAR(100) NOT NULL,
    authorized_scopes             VARCHAR(1000) DEFAULT NULL,
    attributes                    TEXT DEFAULT NULL,
    state                         VARCHAR(500) DEFAULT NULL,
    authorization_code_value      TEXT DEFAULT NULL,
    authorization_code_issued_at  TIMESTAMPTZ DEFAULT NULL,
    authorization_code_expires_at TIMESTAMPTZ DEFAULT NULL,
    authorization_code_metadata   TEXT DEFAULT NULL,
    access_token_value            TEXT DEFAULT NULL,
    access_token_issued_at        TIMESTAMPTZ DEFAULT NULL,
    access_token_expires_at       TIMESTAMPTZ DEFAULT NULL,
    access_token_metadata         TEXT DEFAULT NULL,
    access_token_type             VARCHAR(100) DEFAULT NULL,
    access_token_scopes           VARCHAR(1000) DEFAULT NULL,
    oidc_id_token_value           TEXT DEFAULT NULL,
    oidc_id_token_issued_at       TIMESTAMPTZ DEFAULT NULL,
    oidc_id_token_expires_at      TIMESTAMPTZ DEFAULT NULL,
    oidc_id_token_metadata        TEXT DEFAULT NULL,
    refresh_token_value           TEXT DEFAULT NULL,
    refresh_token_issued_at       TIMESTAMPTZ DEFAULT NULL,
    refresh_token_expires_at      TIMESTAMPTZ DEFAULT NULL,
    refresh_token_metadata        TEXT DEFAULT NULL,
    user_code_value               TEXT DEFAULT NULL,
    user_code_issued_at           TIMESTAMPTZ DEFAULT NULL,
    user_code_expires_at          TIMESTAMPTZ DEFAULT NULL,
    user_code_metadata            TEXT DEFAULT NULL,
    device_code_value             TEXT DEFAULT NULL,
    device_code_issued_at         TIMESTAMPTZ DEFAULT NULL,
    device_code_expires_at        TIMESTAMPTZ DEFAULT NULL,
    device_code_metadata          TEXT DEFAULT NULL
);

-- Which user a machine client acts as: its tokens carry that user's role and scope.
CREATE TABLE api_client (
    client_id  VARCHAR(100) PRIMARY KEY REFERENCES oauth2_registered_client (client_id) ON DELETE CASCADE,
    user_id    UUID NOT NULL REFERENCES app_user (id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One RSA key pair signs API tokens; kept in the database so every node signs and verifies alike.
CREATE TABLE token_signing_key (
    key_id      TEXT PRIMARY KEY,
    private_pem TEXT NOT NULL,
    public_pem  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
