-- Directory: Thailand's administrative areas (DOPA codes), agencies and service units.

-- Areas are reference data keyed by their DOPA geocode: 2 digits province, 4 district, 6 subdistrict.
-- The code nests (a district code starts with its province code), which is what scope checks use.
CREATE TABLE area (
    code        VARCHAR(6) PRIMARY KEY,
    level       TEXT NOT NULL CHECK (level IN ('PROVINCE', 'DISTRICT', 'SUBDISTRICT')),
    parent_code VARCHAR(6) REFERENCES area (code),
    name_th     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    postal_code VARCHAR(5),
    region_id   SMALLINT
);
CREATE INDEX area_parent_idx ON area (parent_code);
CREATE INDEX area_level_idx ON area (level);

CREATE TABLE agency (
    code        TEXT PRIMARY KEY,
    parent_code TEXT REFERENCES agency (code),
    kind        TEXT NOT NULL CHECK (kind IN ('MINISTRY', 'DEPARTMENT', 'ORGANIZATION')),
    name_th     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    mou_party   BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE service_unit (
    id               UUID PRIMARY KEY,
    type             TEXT NOT NULL,
    name_th          TEXT NOT NULL,
    name_en          TEXT,
    agency_code      TEXT NOT NULL REFERENCES agency (code),
    subdistrict_code VARCHAR(6) NOT NULL REFERENCES area (code),
    province_code    VARCHAR(2) NOT NULL,
    latitude         DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
    longitude        DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
    hospcode         VARCHAR(5) CHECK (hospcode ~ '^[0-9]{5}$'),
    school_code      VARCHAR(10) CHECK (school_code ~ '^[0-9]{8,10}$'),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX service_unit_hospcode_uq ON service_unit (hospcode) WHERE hospcode IS NOT NULL;
CREATE UNIQUE INDEX service_unit_school_code_uq ON service_unit (school_code) WHERE school_code IS NOT NULL;
CREATE INDEX service_unit_subdistrict_idx ON service_unit (subdistrict_code);
CREATE INDEX service_unit_province_idx ON service_unit (province_code, type);
CREATE INDEX service_unit_name_th_trgm ON service_unit USING gin (name_th gin_trgm_ops);
CREATE INDEX service_unit_name_en_trgm ON service_unit USING gin (name_en gin_trgm_ops);
