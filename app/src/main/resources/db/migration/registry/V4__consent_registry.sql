-- Consent: the access log behind "who looked at my child's data".
CREATE TABLE access_log (
    id            UUID PRIMARY KEY,
    occurred_at   TIMESTAMPTZ NOT NULL,
    child_id      UUID NOT NULL,
    province_code VARCHAR(2) NOT NULL,
    user_id       UUID,
    username      TEXT NOT NULL,
    role          TEXT NOT NULL,
    agency_code   TEXT,
    unit_id       UUID,
    action        TEXT NOT NULL CHECK (action IN ('READ', 'WRITE')),
    purpose       TEXT NOT NULL,
    detail        TEXT
);
CREATE INDEX access_log_child_idx ON access_log (child_id, occurred_at DESC);
CREATE TRIGGER access_log_no_update BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

-- Registry: children, guardians, households, enrolments, transfers; corrections keep history.
CREATE TABLE household (
    id               UUID PRIMARY KEY,
    subdistrict_code VARCHAR(6) NOT NULL REFERENCES area (code),
    province_code    VARCHAR(2) NOT NULL,
    house_no         TEXT,
    village_no       TEXT,
    street           TEXT,
    latitude         DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
    longitude        DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX household_province_idx ON household (province_code);

CREATE TABLE child (
    id                   UUID PRIMARY KEY,
    given_name_th        TEXT NOT NULL,
    family_name_th       TEXT NOT NULL,
    given_name_en        TEXT,
    family_name_en       TEXT,
    sex                  CHAR(1) NOT NULL CHECK (sex IN ('M', 'F')),
    date_of_birth        DATE NOT NULL,
    nationality          VARCHAR(3) NOT NULL DEFAULT 'THA',
    identifier_type      TEXT NOT NULL CHECK (identifier_type IN ('NATIONAL_ID', 'G_CODE', 'NONE')),
    -- National IDs: a keyed hash for lookup and AES-GCM ciphertext for display; never the digits.
    national_id_hash     BYTEA UNIQUE,
    national_id_cipher   BYTEA,
    national_id_last4    VARCHAR(4),
    g_code               TEXT UNIQUE,
    no_identifier_reason TEXT,
    household_id         UUID REFERENCES household (id),
    province_code        VARCHAR(2) NOT NULL,
    name_key_lk82        TEXT,
    name_key_udom83      TEXT,
    name_key_metasound   TEXT,
    photo_sha256         TEXT,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by           TEXT NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((identifier_type = 'NATIONAL_ID' AND national_id_hash IS NOT NULL)
        OR (identifier_type = 'G_CODE' AND g_code IS NOT NULL)
        OR (identifier_type = 'NONE' AND no_identifier_reason IS NOT NULL))
);
CREATE INDEX child_province_idx ON child (province_code);
CREATE INDEX child_dob_idx ON child (date_of_birth);
CREATE INDEX child_name_trgm ON child USING gin ((given_name_th || ' ' || family_name_th) gin_trgm_ops);
CREATE INDEX child_name_key_lk82_idx ON child (name_key_lk82, date_of_birth);
CREATE INDEX child_name_key_udom83_idx ON child (name_key_udom83, date_of_birth);
CREATE INDEX child_name_key_metasound_idx ON child (name_key_metasound, date_of_birth);

CREATE TABLE guardian (
    id             UUID PRIMARY KEY,
    given_name_th  TEXT NOT NULL,
    family_name_th TEXT NOT NULL,
    phone          TEXT,
    user_id        UUID UNIQUE REFERENCES app_user (id),
    province_code  VARCHAR(2) NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE child_guardian (
    child_id      UUID NOT NULL REFERENCES child (id),
    guardian_id   UUID NOT NULL REFERENCES guardian (id),
    relationship  TEXT NOT NULL,
    province_code VARCHAR(2) NOT NULL,
    PRIMARY KEY (child_id, guardian_id)
);
CREATE INDEX child_guardian_guardian_idx ON child_guardian (guardian_id);

CREATE TABLE enrolment (
    id            UUID PRIMARY KEY,
    child_id      UUID NOT NULL REFERENCES child (id),
    unit_id       UUID NOT NULL REFERENCES service_unit (id),
    kind          TEXT NOT NULL CHECK (kind IN ('ENROLLED', 'REGISTERED')),
    class_name    TEXT,
    started_on    DATE NOT NULL,
    ended_on      DATE,
    end_reason    TEXT,
    province_code VARCHAR(2) NOT NULL,
    created_by    TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX enrolment_child_idx ON enrolment (child_id);
CREATE INDEX enrolment_unit_active_idx ON enrolment (unit_id) WHERE ended_on IS NULL;

CREATE TABLE transfer (
    id            UUID PRIMARY KEY,
    child_id      UUID NOT NULL REFERENCES child (id),
    from_unit_id  UUID NOT NULL REFERENCES service_unit (id),
    to_unit_id    UUID NOT NULL REFERENCES service_unit (id),
    transferred_on DATE NOT NULL,
    handover      TEXT NOT NULL,
    note          TEXT,
    province_code VARCHAR(2) NOT NULL,
    created_by    TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX transfer_to_unit_idx ON transfer (to_unit_id, transferred_on DESC);

-- Personal data is corrected, not overwritten: the old value stays here with who and why.
CREATE TABLE child_correction (
    id            UUID PRIMARY KEY,
    child_id      UUID NOT NULL REFERENCES child (id),
    field         TEXT NOT NULL,
    old_value     TEXT,
    new_value     TEXT,
    reason        TEXT NOT NULL,
    corrected_by  TEXT NOT NULL,
    corrected_at  TIMESTAMPTZ NOT NULL,
    province_code VARCHAR(2) NOT NULL
);
CREATE INDEX child_correction_child_idx ON child_correction (child_id);
