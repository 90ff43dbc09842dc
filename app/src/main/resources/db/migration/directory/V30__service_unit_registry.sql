-- Directory: every real service unit (issue 16). Health facilities by HOSPCODE from the MOPH list, kept
-- current by imports that show what would change before applying, with history and dated ownership.

-- A unit's place is known as far as its source knows it: a province always, a district or subdistrict
-- where given and a real DOPA code. Blank stays blank; a code the source gave that is not a DOPA code
-- is kept as given in source_area_code, never guessed into the area columns.
ALTER TABLE service_unit ALTER COLUMN subdistrict_code DROP NOT NULL;
ALTER TABLE service_unit ADD COLUMN district_code VARCHAR(4) REFERENCES area (code);
UPDATE service_unit SET district_code = substr(subdistrict_code, 1, 4) WHERE subdistrict_code IS NOT NULL;
ALTER TABLE service_unit
    ADD CONSTRAINT service_unit_place_nests CHECK (
        (district_code IS NULL OR district_code LIKE province_code || '%')
        AND (subdistrict_code IS NULL OR (district_code IS NOT NULL AND subdistrict_code LIKE district_code || '%'))),
    ADD COLUMN area_code VARCHAR(6) GENERATED ALWAYS AS (coalesce(subdistrict_code, district_code, province_code)) STORED,
    ADD COLUMN source_area_code TEXT,
    -- ACTIVE units accept new records; a CLOSED unit keeps what it has.
    ADD COLUMN status TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'CLOSED')),
    ADD COLUMN closed_on DATE,
    -- The MOPH facility type (HDC chostype code) and Tonkla's finer kind of health unit.
    ADD COLUMN health_type_code VARCHAR(2),
    ADD COLUMN health_kind TEXT,
    ADD COLUMN moo TEXT,
    ADD COLUMN hospcode9 TEXT,
    -- An early-childhood center's official code where its list has one (format not verified: 1-20 letters,
    -- digits or hyphens).
    ADD COLUMN center_code TEXT CHECK (center_code ~ '^[0-9A-Za-z-]{1,20}$'),
    -- Where the row came from (moph_hcode_registry, hdc_chospital_c2015, an upload's file name) and as of when.
    ADD COLUMN source TEXT,
    ADD COLUMN source_date DATE;
CREATE UNIQUE INDEX service_unit_center_code_uq ON service_unit (center_code) WHERE center_code IS NOT NULL;
ALTER TABLE service_unit ADD CONSTRAINT service_unit_closed_has_date CHECK (status = 'ACTIVE' OR closed_on IS NOT NULL);

-- Thai names searched with or without tone and other above-line marks (ไม้เอก…ไม้จัตวา, ไม้ไต่คู้,
-- การันต์, นิคหิต, ยามักการ): U+0E47..U+0E4E removed, Latin letters lower-cased.
CREATE FUNCTION directory_plain(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
    lower(translate($1, U&'\0E47\0E48\0E49\0E4A\0E4B\0E4C\0E4D\0E4E', ''));
ALTER TABLE service_unit ADD COLUMN name_plain TEXT
    GENERATED ALWAYS AS (directory_plain(name_th || ' ' || coalesce(name_en, ''))) STORED;
CREATE INDEX service_unit_name_plain_trgm ON service_unit USING gin (name_plain gin_trgm_ops);
CREATE INDEX service_unit_area_idx ON service_unit (area_code text_pattern_ops, type);

-- What changed for a unit and why: imports (new, renamed, re-typed, moved, closed, reopened) and owner changes.
CREATE TABLE service_unit_change (
    id           UUID PRIMARY KEY,
    unit_id      UUID NOT NULL REFERENCES service_unit (id),
    kind         TEXT NOT NULL CHECK (kind IN ('ADDED', 'RENAMED', 'RETYPED', 'MOVED', 'CLOSED', 'REOPENED', 'OWNER')),
    old_value    TEXT,
    new_value    TEXT,
    effective_on DATE,
    import_id    UUID,
    changed_by   TEXT,
    changed_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX service_unit_change_unit_idx ON service_unit_change (unit_id, changed_at);

-- Who owns a unit from which date. service_unit.agency_code is the owner today; a change dated in the
-- future takes effect on its date (DirectoryOwners applies due changes).
CREATE TABLE service_unit_owner (
    unit_id     UUID NOT NULL REFERENCES service_unit (id),
    since       DATE NOT NULL,
    agency_code TEXT NOT NULL REFERENCES agency (code),
    recorded_by TEXT,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (unit_id, since)
);

-- Each import of a unit list, previewed or applied; the same file applied twice changes nothing.
CREATE TABLE unit_import (
    id          UUID PRIMARY KEY,
    file_name   TEXT NOT NULL,
    format      TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    row_count   INTEGER NOT NULL,
    summary     TEXT NOT NULL,
    content     BYTEA,
    status      TEXT NOT NULL CHECK (status IN ('PREVIEWED', 'APPLIED')),
    fingerprint TEXT NOT NULL,
    created_by  TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_at  TIMESTAMPTZ
);

-- The published view keeps its columns (district_code now from the unit's own column, so a unit known to
-- its district only has one; agency_code the owner today in Bangkok, also when a dated change came due
-- since it was stored) and adds status at the end.
CREATE OR REPLACE VIEW directory_unit_place AS
SELECT id AS unit_id, type, name_th, name_en,
       coalesce((SELECT o.agency_code FROM service_unit_owner o
                  WHERE o.unit_id = service_unit.id AND o.since <= CAST(now() AT TIME ZONE 'Asia/Bangkok' AS date)
                  ORDER BY o.since DESC LIMIT 1), agency_code) AS agency_code,
       subdistrict_code,
       CAST(district_code AS text) AS district_code, province_code, updated_at, status
  FROM service_unit;
