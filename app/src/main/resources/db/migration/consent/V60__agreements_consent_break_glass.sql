-- The MOU in data: which agencies share which categories of a child's data, for which purposes, where and
-- until when; the family's consent where a purpose needs it; and emergency reads outside both (break-glass).

CREATE TABLE agreement (
    id          UUID PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    title_th    TEXT NOT NULL,
    title_en    TEXT,
    legal_basis TEXT NOT NULL,
    -- NAMED: the record as it is; PSEUDONYMISED: no names or identifiers; AGGREGATE: counts only, no child.
    release_level TEXT NOT NULL CHECK (release_level IN ('NAMED', 'PSEUDONYMISED', 'AGGREGATE')),
    -- A DOPA area code (2, 4 or 6 digits) the agreement covers; NULL for the whole country.
    area_code   VARCHAR(6) REFERENCES area (code),
    valid_from  DATE NOT NULL,
    valid_to    DATE,
    status      TEXT NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'EXPIRED')),
    revision    INT NOT NULL DEFAULT 0,
    created_by  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by  TEXT,
    updated_at  TIMESTAMPTZ,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE TABLE agreement_party (
    agreement_id UUID NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    agency_code  TEXT NOT NULL REFERENCES agency (code),
    PRIMARY KEY (agreement_id, agency_code)
);
CREATE INDEX agreement_party_agency_idx ON agreement_party (agency_code);

CREATE TABLE agreement_category (
    agreement_id UUID NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    category     TEXT NOT NULL CHECK (category IN ('IDENTITY', 'GROWTH', 'DEVELOPMENT', 'IMMUNIZATION', 'HEALTH_NOTES',
                                                   'HOUSEHOLD', 'PHOTOS', 'CENTER_ASSESSMENT')),
    PRIMARY KEY (agreement_id, category)
);

CREATE TABLE agreement_purpose (
    agreement_id UUID NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    purpose      TEXT NOT NULL CHECK (purpose IN ('CARE', 'REFERRAL', 'MONITORING', 'PLANNING', 'RESEARCH', 'PROTECTION')),
    PRIMARY KEY (agreement_id, purpose)
);

-- A guardian's consent for one purpose: the latest row of a child and purpose is in force.
CREATE TABLE child_consent (
    id             UUID PRIMARY KEY,
    child_id       UUID NOT NULL,
    province_code  VARCHAR(2) NOT NULL,
    purpose        TEXT NOT NULL,
    given          BOOLEAN NOT NULL,
    given_by       TEXT NOT NULL,
    recorded_by    TEXT NOT NULL,
    evidence_sha256 TEXT,
    note           TEXT,
    recorded_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX child_consent_child_idx ON child_consent (child_id, purpose, recorded_at DESC);

-- An emergency read outside agreement or scope: the reason, and the review that follows.
CREATE TABLE break_glass (
    id            UUID PRIMARY KEY,
    child_id      UUID NOT NULL,
    province_code VARCHAR(2) NOT NULL,
    user_id       UUID NOT NULL,
    username      TEXT NOT NULL,
    agency_code   TEXT,
    reason        TEXT NOT NULL,
    opened_at     TIMESTAMPTZ NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'ESCALATED')),
    revision      INT NOT NULL DEFAULT 0,
    reviewed_by   TEXT,
    reviewed_at   TIMESTAMPTZ,
    review_note   TEXT
);
CREATE INDEX break_glass_open_idx ON break_glass (agency_code, opened_at) WHERE status = 'OPEN';
