-- Home visits in the field (issue 11): campaigns, surveyors' assignments, OpenRosa submissions and what they yield.

-- A campaign: an officer's area (districts or subdistricts) and period, one versioned home-visit form, and the unit
-- at which children found on the way are registered (the registry's duplicate guard decides, see Registration).
CREATE TABLE field_campaign (
    id                  uuid PRIMARY KEY,
    name                text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    province_code       text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
    starts_on           date NOT NULL,
    ends_on             date NOT NULL,
    form_id             text NOT NULL,
    form_version        text NOT NULL,
    registering_unit_id uuid NOT NULL,
    created_by          text NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on >= starts_on)
);

-- The campaign's area; every code lies in the campaign's province.
CREATE TABLE field_campaign_area (
    campaign_id uuid NOT NULL REFERENCES field_campaign (id) ON DELETE CASCADE,
    area_code   text NOT NULL CHECK (area_code ~ '^[0-9]{4}([0-9]{2})?$'),
    PRIMARY KEY (campaign_id, area_code)
);

-- A surveyor assigned to one subdistrict of the campaign's area, or to one child (a list of children is several rows).
CREATE TABLE field_assignment (
    id               uuid PRIMARY KEY,
    campaign_id      uuid NOT NULL REFERENCES field_campaign (id) ON DELETE CASCADE,
    surveyor_id      uuid NOT NULL,
    subdistrict_code text CHECK (subdistrict_code ~ '^[0-9]{6}$'),
    child_id         uuid,
    CHECK ((subdistrict_code IS NULL) <> (child_id IS NULL))
);
CREATE UNIQUE INDEX field_assignment_once ON field_assignment
    (campaign_id, surveyor_id, coalesce(subdistrict_code, ''), coalesce(child_id::text, ''));
CREATE INDEX field_assignment_surveyor ON field_assignment (surveyor_id);

-- One OpenRosa submission, by its instanceID: a re-sent one is found here and stores nothing new. The XML is kept
-- as received (the same XML must come with each part of a submission split over several POSTs, as ODK Central asks).
CREATE TABLE field_submission (
    id            uuid PRIMARY KEY,
    instance_id   text NOT NULL CHECK (length(instance_id) BETWEEN 1 AND 200),
    campaign_id   uuid NOT NULL REFERENCES field_campaign (id),
    form_id       text NOT NULL,
    form_version  text NOT NULL,
    surveyor_id   uuid NOT NULL,
    xml           text NOT NULL,
    xml_sha256    text NOT NULL,
    complete      boolean NOT NULL DEFAULT false,
    received_at   timestamptz NOT NULL DEFAULT now(),
    processed_at  timestamptz
);
CREATE UNIQUE INDEX field_submission_instance ON field_submission (instance_id);

-- Attachments as stored (cleaned, in the platform's file store), one per file name of a submission.
CREATE TABLE field_attachment (
    submission_id    uuid NOT NULL REFERENCES field_submission (id) ON DELETE CASCADE,
    file_name        text NOT NULL,
    sha256           text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    thumbnail_sha256 text NOT NULL CHECK (thumbnail_sha256 ~ '^[0-9a-f]{64}$'),
    content_type     text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    size_bytes       bigint NOT NULL CHECK (size_bytes > 0),
    PRIMARY KEY (submission_id, file_name)
);

-- The household visit a complete submission yields. Household fields are null without the guardian's consent for them.
CREATE TABLE field_visit (
    id                 uuid PRIMARY KEY,
    submission_id      uuid NOT NULL UNIQUE REFERENCES field_submission (id),
    campaign_id        uuid NOT NULL REFERENCES field_campaign (id),
    surveyor_id        uuid NOT NULL,
    visited_on         date NOT NULL,
    subdistrict_code   text NOT NULL CHECK (subdistrict_code ~ '^[0-9]{6}$'),
    province_code      text NOT NULL,
    village            text,
    house_no           text,
    outcome            text NOT NULL CHECK (outcome IN ('VISITED', 'NOT_FOUND', 'REFUSED', 'MOVED')),
    consent_given      boolean,
    consent_by         text,
    consent_relation   text,
    consent_on         date,
    consent_purposes   text[] NOT NULL DEFAULT '{}',
    member_count       integer CHECK (member_count >= 0),
    income_total       numeric(12, 2) CHECK (income_total >= 0),
    income_per_member  numeric(12, 2) CHECK (income_per_member >= 0),
    members            jsonb,
    household_status   jsonb,
    photo_outside      text,
    photo_inside       text,
    photo_child_sign   text,
    latitude           double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude          double precision CHECK (longitude BETWEEN -180 AND 180),
    gps_accuracy_m     double precision,
    CHECK (consent_given IS TRUE OR (members IS NULL AND household_status IS NULL AND photo_outside IS NULL
                                     AND photo_inside IS NULL AND photo_child_sign IS NULL AND latitude IS NULL))
);
CREATE INDEX field_visit_campaign ON field_visit (campaign_id, subdistrict_code);

-- Each child found on a visit and what became of it in the registry.
CREATE TABLE field_visit_child (
    id               uuid PRIMARY KEY,
    visit_id         uuid NOT NULL REFERENCES field_visit (id) ON DELETE CASCADE,
    position         integer NOT NULL,
    child_id         uuid,
    match            text NOT NULL CHECK (match IN ('MATCHED', 'REGISTERED', 'JOIN_REQUESTED', 'REVIEW')),
    review_reason    text,
    identifier_type  text NOT NULL CHECK (identifier_type IN ('NATIONAL_ID', 'G_CODE', 'NONE')),
    health_coverage  text,
    disability       boolean,
    photo_sha256     text,
    thumbnail_sha256 text,
    province_code    text NOT NULL,
    UNIQUE (visit_id, position),
    CHECK (child_id IS NOT NULL OR match IN ('JOIN_REQUESTED', 'REVIEW')),
    CHECK (match <> 'REVIEW' OR review_reason IS NOT NULL)
);
CREATE INDEX field_visit_child_child ON field_visit_child (child_id);
