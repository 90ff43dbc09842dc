-- The whole country (issue 15 §4): dashboards read sums per area, not per unit, sex and age.
--
-- indicator_cell is keyed down to the unit, sex and age group (open data and disaggregation need that), so with
-- a whole country it holds nearly one row per child and fact: a national dashboard summed hundreds of thousands
-- of rows per request. indicator_area_cell holds the same sums per subdistrict (so also per district, province
-- and the country), at most 7,436 rows per year and fact, and is kept equal to
--   SELECT year_ce, fact, province_code, district_code, subdistrict_code, sum(n) FROM indicator_cell GROUP BY 1..5
-- by statement-level triggers on indicator_cell (transition tables: one grouped statement per refresh batch, not
-- one per row), whichever code writes the cells (IndicatorAreaRollupTest).
CREATE TABLE indicator_area_cell (
    year_ce          INT NOT NULL,
    fact             TEXT NOT NULL,
    province_code    TEXT NOT NULL,
    district_code    TEXT NOT NULL,
    subdistrict_code TEXT NOT NULL,
    n                BIGINT NOT NULL,
    PRIMARY KEY (year_ce, fact, province_code, district_code, subdistrict_code)
);

CREATE FUNCTION indicator_area_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO indicator_area_cell AS a (year_ce, fact, province_code, district_code, subdistrict_code, n)
    SELECT year_ce, fact, province_code, district_code, subdistrict_code, sum(n) FROM new_rows GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (year_ce, fact, province_code, district_code, subdistrict_code) DO UPDATE SET n = a.n + EXCLUDED.n;
    RETURN NULL;
END $$;

CREATE FUNCTION indicator_area_subtract() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE indicator_area_cell a SET n = a.n - o.n
      FROM (SELECT year_ce, fact, province_code, district_code, subdistrict_code, sum(n) AS n FROM old_rows
             GROUP BY 1, 2, 3, 4, 5) o
     WHERE a.year_ce = o.year_ce AND a.fact = o.fact AND a.province_code = o.province_code
       AND a.district_code = o.district_code AND a.subdistrict_code = o.subdistrict_code;
    RETURN NULL;
END $$;

CREATE FUNCTION indicator_area_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE indicator_area_cell;
    RETURN NULL;
END $$;

-- An UPDATE is its old rows taken away and its new rows added (two triggers, old first by name order).
CREATE TRIGGER indicator_area_ins AFTER INSERT ON indicator_cell REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_area_add();
CREATE TRIGGER indicator_area_upd_1_old AFTER UPDATE ON indicator_cell REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_area_subtract();
CREATE TRIGGER indicator_area_upd_2_new AFTER UPDATE ON indicator_cell REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_area_add();
CREATE TRIGGER indicator_area_del AFTER DELETE ON indicator_cell REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_area_subtract();
CREATE TRIGGER indicator_area_truncate AFTER TRUNCATE ON indicator_cell
    FOR EACH STATEMENT EXECUTE FUNCTION indicator_area_clear();

INSERT INTO indicator_area_cell (year_ce, fact, province_code, district_code, subdistrict_code, n)
SELECT year_ce, fact, province_code, district_code, subdistrict_code, sum(n) FROM indicator_cell GROUP BY 1, 2, 3, 4, 5;
