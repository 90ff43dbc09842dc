-- Child protection (issue 17 §2, §3): risk screening items with weights and thresholds per province (the row
-- 'TH' is the national default), screenings, and the protection concerns a high result opens.

CREATE TABLE protection_item (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z-]{3,40}$'),
    position int  NOT NULL UNIQUE
);

INSERT INTO protection_item (code, position) VALUES
    ('not-with-parents', 1), ('caregiver-unable', 2), ('unexplained-injury', 3), ('neglect-signs', 4),
    ('long-absence', 5), ('domestic-violence', 6), ('no-registration', 7), ('child-labour', 8);

-- A province's rule replaces the national one as a whole (weights and thresholds together), so a province never
-- mixes its own thresholds with the nation's weights by accident.
CREATE TABLE protection_rule (
    province_code text PRIMARY KEY CHECK (province_code = 'TH' OR province_code ~ '^[0-9]{2}$'),
    medium_at     int  NOT NULL CHECK (medium_at > 0),
    high_at       int  NOT NULL,
    revision      int  NOT NULL DEFAULT 0,
    updated_by    text,
    updated_at    timestamptz,
    CHECK (high_at > medium_at)
);

CREATE TABLE protection_weight (
    province_code text NOT NULL REFERENCES protection_rule (province_code) ON DELETE CASCADE,
    item_code     text NOT NULL REFERENCES protection_item (code),
    weight        int  NOT NULL CHECK (weight BETWEEN 0 AND 10),
    PRIMARY KEY (province_code, item_code)
);

-- National default: the items that are themselves signs of harm (injury, violence) reach HIGH alone; the others
-- need to come together (a child with grandparents is not at risk for that alone).
INSERT INTO protection_rule (province_code, medium_at, high_at) VALUES ('TH', 3, 6);
INSERT INTO protection_weight (province_code, item_code, weight) VALUES
    ('TH', 'not-with-parents', 2), ('TH', 'caregiver-unable', 3), ('TH', 'unexplained-injury', 6),
    ('TH', 'neglect-signs', 3), ('TH', 'long-absence', 2), ('TH', 'domestic-violence', 6),
    ('TH', 'no-registration', 2), ('TH', 'child-labour', 4);

CREATE TABLE protection_concern (
    id               uuid PRIMARY KEY,
    child_id         uuid        NOT NULL,
    province_code    text        NOT NULL,
    district_code    text,
    office_unit_id   uuid,
    reporter_id      uuid        NOT NULL,
    reason           text        NOT NULL CHECK (length(btrim(reason)) > 0),
    status           text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'IN_PROGRESS', 'CLOSED')),
    opened_at        timestamptz NOT NULL,
    log_released_at  timestamptz,
    log_released_by  uuid,
    revision         int         NOT NULL DEFAULT 0,
    CHECK ((log_released_at IS NULL) = (log_released_by IS NULL))
);
CREATE INDEX protection_concern_child ON protection_concern (child_id);
CREATE INDEX protection_concern_office ON protection_concern (office_unit_id, status);

CREATE TABLE protection_screening (
    id            uuid PRIMARY KEY,
    child_id      uuid        NOT NULL,
    province_code text        NOT NULL,
    recorded_by   uuid        NOT NULL,
    recorded_at   timestamptz NOT NULL,
    items         text[]      NOT NULL,
    score         int         NOT NULL CHECK (score >= 0),
    level         text        NOT NULL CHECK (level IN ('LOW', 'MEDIUM', 'HIGH')),
    concern_id    uuid REFERENCES protection_concern (id),
    CHECK ((level = 'HIGH') = (concern_id IS NOT NULL))
);
CREATE INDEX protection_screening_child ON protection_screening (child_id, recorded_at);
