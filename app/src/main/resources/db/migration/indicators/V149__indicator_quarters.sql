-- Quarterly trends (issue 15 §2): an indicator's value in each of the last quarters for an area, its province and the
-- country. A quarter is named by its first day (1 Jan, 1 Apr, 1 Jul, 1 Oct): the Thai fiscal year's quarters and the
-- calendar's are the same spans, so only their names depend on the scheme set in indicators/definitions.yml.
--
-- Storage (the country-scale database is short of disk): only the event-based facts (growth, DSPM, vaccine, referral)
-- are counted per quarter, only for the quarters a trend shows, only where non-zero, in one row per child and quarter
-- with such a fact, and with the child's area only (no sex, age group, agency or unit: trends are not cut by them).
-- "Every child" and the protection state are not counted per quarter: that would be a row for every child in every
-- quarter. README "Quarterly trends" gives the expected sizes.
CREATE TABLE indicator_quarter_fact (
    child_id         UUID NOT NULL,
    quarter_start    DATE NOT NULL CHECK (extract(day FROM quarter_start) = 1 AND extract(month FROM quarter_start) IN (1, 4, 7, 10)),
    -- The quarter's non-zero facts, each as often as it counts (a multiset, sorted): one row per child and quarter
    -- instead of one per fact (a measured quarter alone has 4-6 facts).
    facts            TEXT[] NOT NULL CHECK (cardinality(facts) > 0),
    province_code    TEXT NOT NULL,
    subdistrict_code TEXT NOT NULL,
    PRIMARY KEY (child_id, quarter_start)
);

-- The sums of indicator_quarter_fact per area at every level: '' the country, 2 digits a province, 4 a district,
-- 6 a subdistrict (a fact counts in each of its child's areas that is known). Kept equal to those sums by
-- IndicatorRefresh (IncrementalRefreshTest). A trend reads the area, its province and the country for one indicator:
-- 3 areas x 2 facts, each a range of the primary key over the quarters shown, i.e. at most 48 index entries.
CREATE TABLE indicator_quarter_cell (
    area_code     TEXT NOT NULL CHECK (area_code ~ '^(\d{2}|\d{4}|\d{6})?$'),
    fact          TEXT NOT NULL,
    quarter_start DATE NOT NULL,
    n             BIGINT NOT NULL CHECK (n >= 0),
    PRIMARY KEY (area_code, fact, quarter_start) INCLUDE (n)
);
-- Each refresh batch ends with "DELETE ... WHERE n = 0": without this it would scan the table.
CREATE INDEX indicator_quarter_cell_zero ON indicator_quarter_cell (quarter_start) WHERE n = 0;

-- Everyone already recorded gets their quarter facts on the next refresh.
INSERT INTO indicator_dirty_child (child_id) SELECT id FROM child ON CONFLICT DO NOTHING;
