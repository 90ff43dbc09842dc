-- Record book: growth, development (DSPM), immunization, health notes. Entries are never
-- overwritten: a correction is a new row and the old one points to it through superseded_by.

CREATE TABLE growth_measurement (
    id                  UUID PRIMARY KEY,
    child_id            UUID NOT NULL REFERENCES child (id),
    province_code       VARCHAR(2) NOT NULL,
    measured_on         DATE NOT NULL,
    age_days            INT NOT NULL CHECK (age_days >= 0),
    weight_kg           NUMERIC(5, 2) CHECK (weight_kg > 0 AND weight_kg < 200),
    length_cm           NUMERIC(5, 1) CHECK (length_cm > 0 AND length_cm < 250),
    position            CHAR(1) CHECK (position IN ('L', 'H')),
    head_cm             NUMERIC(4, 1),
    arm_cm              NUMERIC(4, 1),
    oedema              BOOLEAN NOT NULL DEFAULT FALSE,
    z_wfa               NUMERIC(5, 2),
    z_lhfa              NUMERIC(5, 2),
    z_wflh              NUMERIC(5, 2),
    z_bfa               NUMERIC(5, 2),
    z_hcfa              NUMERIC(5, 2),
    z_acfa              NUMERIC(5, 2),
    flags               TEXT NOT NULL DEFAULT '',
    classification      TEXT NOT NULL DEFAULT '',
    implausible_confirmed BOOLEAN NOT NULL DEFAULT FALSE,
    unit_id             UUID REFERENCES service_unit (id),
    recorded_by         TEXT NOT NULL,
    recorded_at         TIMESTAMPTZ NOT NULL,
    superseded_by       UUID REFERENCES growth_measurement (id),
    correction_reason   TEXT
);
CREATE INDEX growth_measurement_child_idx ON growth_measurement (child_id, measured_on) WHERE superseded_by IS NULL;
CREATE INDEX growth_measurement_province_idx ON growth_measurement (province_code, measured_on);

CREATE TABLE dspm_screening (
    id              UUID PRIMARY KEY,
    child_id        UUID NOT NULL REFERENCES child (id),
    province_code   VARCHAR(2) NOT NULL,
    screened_on     DATE NOT NULL,
    key_age_months  SMALLINT,
    gm              TEXT NOT NULL,
    fm              TEXT NOT NULL,
    rl              TEXT NOT NULL,
    el              TEXT NOT NULL,
    ps              TEXT NOT NULL,
    outcome_code    VARCHAR(5) NOT NULL,
    follow_up_of    UUID REFERENCES dspm_screening (id),
    referred        BOOLEAN NOT NULL DEFAULT FALSE,
    unit_id         UUID REFERENCES service_unit (id),
    recorded_by     TEXT NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    superseded_by   UUID REFERENCES dspm_screening (id),
    correction_reason TEXT
);
CREATE INDEX dspm_screening_child_idx ON dspm_screening (child_id, screened_on) WHERE superseded_by IS NULL;

CREATE TABLE immunization (
    id              UUID PRIMARY KEY,
    child_id        UUID NOT NULL REFERENCES child (id),
    province_code   VARCHAR(2) NOT NULL,
    vaccine_code    TEXT NOT NULL,
    given_on        DATE NOT NULL,
    lot             TEXT,
    unit_id         UUID REFERENCES service_unit (id),
    recorded_by     TEXT NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    superseded_by   UUID REFERENCES immunization (id),
    correction_reason TEXT
);
CREATE INDEX immunization_child_idx ON immunization (child_id, given_on) WHERE superseded_by IS NULL;

CREATE TABLE health_note (
    id              UUID PRIMARY KEY,
    child_id        UUID NOT NULL REFERENCES child (id),
    province_code   VARCHAR(2) NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('CHRONIC_CONDITION', 'DISABILITY', 'ALLERGY')),
    description     TEXT NOT NULL,
    since           DATE,
    resolved_on     DATE,
    unit_id         UUID REFERENCES service_unit (id),
    recorded_by     TEXT NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX health_note_child_idx ON health_note (child_id);
