-- Assessment: the national ECD-center standard. Catalogue versions, center profiles and staff,
-- self-assessments with their ratings, evidence, review and improvement plans.
-- Every row about a center carries province_code (DESIGN.md: the distribution column).

-- A catalogue version is immutable once imported: its rows are kept as the CSV that core's
-- CatalogueReader reads, so every assessment can be re-scored against the exact catalogue it used.
CREATE TABLE assessment_catalogue (
    version     TEXT PRIMARY KEY,
    source_name TEXT NOT NULL,
    rows_csv    TEXT NOT NULL,
    item_count  INT NOT NULL,
    active      BOOLEAN NOT NULL DEFAULT FALSE,
    imported_by TEXT NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL
);
-- New assessments use the one active version.
CREATE UNIQUE INDEX assessment_catalogue_one_active ON assessment_catalogue (active) WHERE active;

-- Part 1 data a center keeps current; type and affiliation live in the directory.
CREATE TABLE center_profile (
    unit_id            UUID PRIMARY KEY REFERENCES service_unit (id),
    province_code      VARCHAR(2) NOT NULL,
    address            TEXT,
    capacity           INT CHECK (capacity >= 0),
    classrooms         INT CHECK (classrooms >= 0),
    serves_under_three BOOLEAN NOT NULL DEFAULT FALSE,
    serves_three_to_six BOOLEAN NOT NULL DEFAULT TRUE,
    updated_by         TEXT NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX center_profile_province_idx ON center_profile (province_code, updated_at);

CREATE TABLE center_photo (
    id            UUID PRIMARY KEY,
    unit_id       UUID NOT NULL REFERENCES service_unit (id),
    province_code VARCHAR(2) NOT NULL,
    sha256        VARCHAR(64) NOT NULL,
    content_type  TEXT NOT NULL,
    size_bytes    BIGINT NOT NULL,
    caption       TEXT,
    uploaded_by   TEXT NOT NULL,
    uploaded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX center_photo_unit_idx ON center_photo (unit_id);

-- Caregivers and teachers. cares_for says which Standard-3 age group they look after, for the
-- caregiver-to-child ratio of item 1.2.4.
CREATE TABLE center_staff (
    id             UUID PRIMARY KEY,
    unit_id        UUID NOT NULL REFERENCES service_unit (id),
    province_code  VARCHAR(2) NOT NULL,
    full_name      TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('HEAD', 'TEACHER', 'CAREGIVER', 'ASSISTANT', 'OTHER')),
    qualification  TEXT NOT NULL CHECK (qualification IN ('BELOW_SECONDARY', 'SECONDARY', 'DIPLOMA', 'BACHELOR_ECE', 'BACHELOR_OTHER', 'POSTGRADUATE')),
    training_hours INT NOT NULL DEFAULT 0 CHECK (training_hours >= 0),
    cares_for      TEXT NOT NULL CHECK (cares_for IN ('UNDER_THREE', 'THREE_TO_SIX', 'NONE')),
    active         BOOLEAN NOT NULL DEFAULT TRUE,
    updated_by     TEXT NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX center_staff_unit_idx ON center_staff (unit_id) WHERE active;

-- One self-assessment per center and Buddhist-era year. The results are written by core's
-- ScoringRule at each submission and kept, so dashboards count levels without re-scoring.
CREATE TABLE center_assessment (
    id                UUID PRIMARY KEY,
    unit_id           UUID NOT NULL REFERENCES service_unit (id),
    province_code     VARCHAR(2) NOT NULL,
    district_code     VARCHAR(4) NOT NULL,
    agency_code       TEXT NOT NULL,
    year_be           SMALLINT NOT NULL CHECK (year_be BETWEEN 2500 AND 2700),
    catalogue_version TEXT NOT NULL REFERENCES assessment_catalogue (version),
    age_groups        TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    opened_by         TEXT NOT NULL,
    opened_at         TIMESTAMPTZ NOT NULL,
    submitted_by      TEXT,
    submitted_at      TIMESTAMPTZ,
    reviewed_by       TEXT,
    reviewed_at       TIMESTAMPTZ,
    -- results of the latest submission: levels 0-3, NULL while not computable
    level_s1          SMALLINT CHECK (level_s1 BETWEEN 0 AND 3),
    level_s2          SMALLINT CHECK (level_s2 BETWEEN 0 AND 3),
    level_s3          SMALLINT CHECK (level_s3 BETWEEN 0 AND 3),
    level_overall     SMALLINT CHECK (level_overall BETWEEN 0 AND 3),
    passed            BOOLEAN,
    zero_items        INT,
    score             INT,
    max_score         INT,
    revision          INT NOT NULL DEFAULT 0,
    UNIQUE (unit_id, year_be)
);
CREATE INDEX center_assessment_area_idx ON center_assessment (province_code, year_be, district_code, status);

CREATE TABLE assessment_rating (
    assessment_id   UUID NOT NULL REFERENCES center_assessment (id),
    item_key        TEXT NOT NULL,
    province_code   VARCHAR(2) NOT NULL,
    indicator_key   TEXT NOT NULL,
    standard_no     SMALLINT NOT NULL,
    level           SMALLINT CHECK (level BETWEEN 0 AND 3),
    note            TEXT,
    -- what Tonkla computed from the center's records, beside the center's own rating
    computed_level  SMALLINT CHECK (computed_level BETWEEN 0 AND 3),
    computed_detail TEXT,
    review          TEXT NOT NULL DEFAULT 'OPEN' CHECK (review IN ('OPEN', 'ACCEPTED', 'RETURNED')),
    review_comment  TEXT,
    updated_by      TEXT NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (assessment_id, item_key)
);

-- Indicator levels of the latest submission (the district worksheet's per-indicator totals).
CREATE TABLE assessment_indicator_result (
    assessment_id UUID NOT NULL REFERENCES center_assessment (id),
    indicator_key TEXT NOT NULL,
    province_code VARCHAR(2) NOT NULL,
    standard_no   SMALLINT NOT NULL,
    level         SMALLINT CHECK (level BETWEEN 0 AND 3),
    score         INT NOT NULL,
    max_score     INT NOT NULL,
    PRIMARY KEY (assessment_id, indicator_key)
);

CREATE TABLE assessment_evidence (
    id            UUID PRIMARY KEY,
    assessment_id UUID NOT NULL REFERENCES center_assessment (id),
    item_key      TEXT NOT NULL,
    province_code VARCHAR(2) NOT NULL,
    sha256        VARCHAR(64) NOT NULL,
    file_name     TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size_bytes    BIGINT NOT NULL,
    uploaded_by   TEXT NOT NULL,
    uploaded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX assessment_evidence_assessment_idx ON assessment_evidence (assessment_id, item_key);

-- Every item rated below ดี (2) needs one: what will be done, by whom, by when.
CREATE TABLE improvement_plan (
    assessment_id UUID NOT NULL REFERENCES center_assessment (id),
    item_key      TEXT NOT NULL,
    province_code VARCHAR(2) NOT NULL,
    action        TEXT NOT NULL,
    owner         TEXT NOT NULL,
    due_on        DATE NOT NULL,
    done_on       DATE,
    updated_by    TEXT NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (assessment_id, item_key)
);
CREATE INDEX improvement_plan_due_idx ON improvement_plan (province_code, due_on) WHERE done_on IS NULL;

-- The cycle's history: opened, submitted, returned, accepted; who, when, with what comment.
CREATE TABLE assessment_event (
    id            UUID PRIMARY KEY,
    assessment_id UUID NOT NULL REFERENCES center_assessment (id),
    province_code VARCHAR(2) NOT NULL,
    action        TEXT NOT NULL CHECK (action IN ('OPENED', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    actor         TEXT NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    comment       TEXT
);
CREATE INDEX assessment_event_assessment_idx ON assessment_event (assessment_id, occurred_at);

-- Accepted results are locked: the database refuses to change them, whatever the application does.
CREATE FUNCTION center_assessment_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'ACCEPTED' THEN
        RAISE EXCEPTION 'assessment % is accepted and locked', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER center_assessment_lock BEFORE UPDATE OR DELETE ON center_assessment
    FOR EACH ROW EXECUTE FUNCTION center_assessment_locked();

CREATE FUNCTION assessment_part_locked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    target UUID := CASE WHEN TG_OP = 'DELETE' THEN OLD.assessment_id ELSE NEW.assessment_id END;
BEGIN
    IF EXISTS (SELECT 1 FROM center_assessment WHERE id = target AND status = 'ACCEPTED') THEN
        RAISE EXCEPTION 'assessment % is accepted and locked', target USING ERRCODE = 'check_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER assessment_rating_lock BEFORE INSERT OR UPDATE OR DELETE ON assessment_rating
    FOR EACH ROW EXECUTE FUNCTION assessment_part_locked();
CREATE TRIGGER assessment_indicator_result_lock BEFORE INSERT OR UPDATE OR DELETE ON assessment_indicator_result
    FOR EACH ROW EXECUTE FUNCTION assessment_part_locked();
CREATE TRIGGER assessment_evidence_lock BEFORE INSERT OR UPDATE OR DELETE ON assessment_evidence
    FOR EACH ROW EXECUTE FUNCTION assessment_part_locked();
