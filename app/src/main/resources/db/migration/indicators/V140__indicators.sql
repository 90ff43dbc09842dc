-- Indicators (issue 15): per-child facts, aggregate cells over them, a dirty-child queue and unit costs.
--
-- The owning modules' read-only views for indicators come first. As in V21 (assessment), each view
-- belongs to the module named in its prefix, which may take it over into its own migrations; the
-- indicators module reads nothing else of theirs. They carry the child's opaque id (the facts are
-- refreshed per child) and never a name, national ID or address line.

-- Registry: each child's sex, date of birth and where it is counted today: the unit of its latest open
-- enrolment (ENROLLED before REGISTERED), else its household's subdistrict, else its province only.
CREATE VIEW registry_child_indicator_base AS
SELECT c.id AS child_id, c.sex, c.date_of_birth,
       coalesce(substr(coalesce(u.subdistrict_code, h.subdistrict_code), 1, 2), c.province_code) AS province_code,
       coalesce(u.subdistrict_code, h.subdistrict_code) AS subdistrict_code,
       u.agency_code, u.unit_id
  FROM child c
  LEFT JOIN household h ON h.id = c.household_id
  LEFT JOIN LATERAL (SELECT p.unit_id, p.subdistrict_code, p.agency_code
                       FROM enrolment e JOIN directory_unit_place p ON p.unit_id = e.unit_id
                      WHERE e.child_id = c.id AND e.ended_on IS NULL
                      ORDER BY (e.kind = 'ENROLLED') DESC, e.started_on DESC, e.id
                      LIMIT 1) u ON true;

-- Record book: current (not superseded) entries only.
CREATE VIEW recordbook_child_growth AS
SELECT child_id, measured_on, recorded_at, z_wfa, z_lhfa, z_wflh
  FROM growth_measurement WHERE superseded_by IS NULL;

CREATE VIEW recordbook_child_dspm AS
SELECT child_id, screened_on, recorded_at, outcome_code
  FROM dspm_screening WHERE superseded_by IS NULL;

CREATE VIEW recordbook_child_immunization AS
SELECT child_id, vaccine_code, given_on
  FROM immunization WHERE superseded_by IS NULL;

-- Referral: the slip's state and dates, not its text.
CREATE VIEW referral_child_referral AS
SELECT child_id, created_at::date AS created_on, due_on, status
  FROM referral;

-- One row per child, calendar year (CE) and fact (e.g. 'stunted', 'dspm_screened') with the child's
-- cell (where, sex, age group, agency, center). '' is "unknown" so the key has no NULLs.
CREATE TABLE indicator_fact (
    child_id         UUID NOT NULL,
    year_ce          INT NOT NULL,
    fact             TEXT NOT NULL,
    n                INT NOT NULL CHECK (n > 0),
    province_code    TEXT NOT NULL,
    district_code    TEXT NOT NULL,
    subdistrict_code TEXT NOT NULL,
    sex              TEXT NOT NULL,
    age_group        TEXT NOT NULL,
    agency_code      TEXT NOT NULL,
    unit_id          TEXT NOT NULL,
    PRIMARY KEY (child_id, year_ce, fact)
);

-- The sums of indicator_fact per cell: what dashboards and open data read. Kept equal to
-- "SELECT ..., sum(n) FROM indicator_fact GROUP BY the cell" by IndicatorRefresh (IncrementalRefreshTest).
CREATE TABLE indicator_cell (
    year_ce          INT NOT NULL,
    fact             TEXT NOT NULL,
    province_code    TEXT NOT NULL,
    district_code    TEXT NOT NULL,
    subdistrict_code TEXT NOT NULL,
    sex              TEXT NOT NULL,
    age_group        TEXT NOT NULL,
    agency_code      TEXT NOT NULL,
    unit_id          TEXT NOT NULL,
    n                BIGINT NOT NULL CHECK (n >= 0),
    PRIMARY KEY (year_ce, fact, province_code, district_code, subdistrict_code, sex, age_group, agency_code, unit_id)
);
CREATE INDEX indicator_cell_district ON indicator_cell (year_ce, district_code);

-- Children whose facts may have changed since they were last computed.
CREATE TABLE indicator_dirty_child (
    child_id  UUID PRIMARY KEY,
    marked_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- Every write to a source table marks its child dirty, whichever code path wrote it (API, import,
-- bulk copy, correction): a trigger cannot be forgotten by a new writer. Statement-level with transition
-- tables, so a bulk copy of a million rows costs one INSERT ... SELECT DISTINCT, not a million.
CREATE FUNCTION indicator_mark_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- TG_ARGV[0]: the column holding the child's id; TG_ARGV[1]: the transition tables this trigger has.
    IF TG_ARGV[1] IN ('new', 'both') THEN
        EXECUTE format('INSERT INTO indicator_dirty_child (child_id) SELECT DISTINCT %I FROM new_rows ON CONFLICT DO NOTHING', TG_ARGV[0]);
    END IF;
    IF TG_ARGV[1] IN ('old', 'both') THEN
        EXECUTE format('INSERT INTO indicator_dirty_child (child_id) SELECT DISTINCT %I FROM old_rows ON CONFLICT DO NOTHING', TG_ARGV[0]);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION indicator_mark_household() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO indicator_dirty_child (child_id)
    SELECT c.id FROM child c JOIN new_rows h ON h.id = c.household_id
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES ('child', 'id'), ('enrolment', 'child_id'), ('growth_measurement', 'child_id'),
                                   ('dspm_screening', 'child_id'), ('immunization', 'child_id'), ('referral', 'child_id')) v (tab, col)
    LOOP
        EXECUTE format('CREATE TRIGGER indicator_dirty_ins AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION indicator_mark_rows(%L, %L)', t.tab, t.col, 'new');
        EXECUTE format('CREATE TRIGGER indicator_dirty_upd AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION indicator_mark_rows(%L, %L)', t.tab, t.col, 'both');
        EXECUTE format('CREATE TRIGGER indicator_dirty_del AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION indicator_mark_rows(%L, %L)', t.tab, t.col, 'old');
    END LOOP;
END $$;
CREATE TRIGGER indicator_dirty_upd AFTER UPDATE ON household REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_mark_household();

-- Everyone already recorded is computed on the first refresh.
INSERT INTO indicator_dirty_child (child_id) SELECT id FROM child;

-- Unit cost per service for the district budget table (THB per child per year), set by administrators.
CREATE TABLE indicator_unit_cost (
    service    TEXT PRIMARY KEY,
    cost_thb   NUMERIC(12, 2) NOT NULL CHECK (cost_thb >= 0),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
