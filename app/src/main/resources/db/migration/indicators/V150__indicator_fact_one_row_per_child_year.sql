-- The whole country (issue 15 §4): indicator_fact held one row per child, year and fact, each repeating the child's
-- area, sex, age group, agency and unit: 37 rows per child, 3.9 GB for 500,000 children, the largest table of the
-- database. Those columns are the child's for the year, the same on every fact, so a child's year is now one row
-- with its facts and their counts side by side (facts[i] counted ns[i] times). The cells are the same sums, read
-- through unnest(facts, ns).
--
-- The facts are derived data: the table is rebuilt empty, the cells (and, by V147's trigger, the per-area sums)
-- emptied with it, and every child marked dirty, so the refresher recomputes them all; a large installation runs
-- `./tonkla generate --country`'s bulk recompute (IndicatorRefresh.recomputeAll) instead of waiting for it.
DROP TABLE indicator_fact;

CREATE TABLE indicator_fact (
    child_id         UUID NOT NULL,
    year_ce          INT NOT NULL,
    province_code    TEXT NOT NULL,
    district_code    TEXT NOT NULL,
    subdistrict_code TEXT NOT NULL,
    sex              TEXT NOT NULL,
    age_group        TEXT NOT NULL,
    agency_code      TEXT NOT NULL,
    unit_id          TEXT NOT NULL,
    facts            TEXT[] NOT NULL,
    ns               INT[] NOT NULL,
    PRIMARY KEY (child_id, year_ce),
    CONSTRAINT indicator_fact_counted CHECK (cardinality(facts) = cardinality(ns) AND cardinality(facts) > 0
                                             AND 0 < ALL (ns))
);

TRUNCATE indicator_cell;
INSERT INTO indicator_dirty_child (child_id) SELECT id FROM child ON CONFLICT DO NOTHING;
