-- Read-only views that the owning modules publish for assessment and dashboard (STYLE.md habit 2:
-- nobody reads another module's tables; readers use views the owner publishes). Each view belongs
-- to the module named in its prefix, which keeps it working when it changes its own tables.
-- They expose counts and dates, never a child's identity.

-- Published by the directory: where each service unit lies and whom it is affiliated to.
CREATE VIEW directory_unit_place AS
SELECT id AS unit_id, type, name_th, name_en, agency_code, subdistrict_code,
       substr(subdistrict_code, 1, 4) AS district_code, province_code, updated_at
  FROM service_unit;

-- Published by the registry: each enrolment (not mere registration) at a unit with the child's date
-- of birth, so a reader counts children per age group on any day it chooses. No child id or name.
CREATE VIEW registry_unit_children_by_age AS
SELECT e.unit_id, e.province_code, c.date_of_birth, e.started_on, e.ended_on
  FROM enrolment e
  JOIN child c ON c.id = e.child_id
 WHERE e.kind = 'ENROLLED';

-- Published by the record book: growth-monitoring coverage per unit and calendar year (CE). A child
-- counts as enrolled in a year when an enrolment overlaps it, and as measured when a current
-- (not superseded) growth measurement falls inside both that year and that enrolment, whoever took it.
CREATE VIEW recordbook_unit_growth_coverage AS
SELECT s.unit_id, s.province_code, s.year_ce,
       count(DISTINCT s.child_id) AS enrolled,
       count(DISTINCT s.child_id) FILTER (WHERE EXISTS (
           SELECT 1 FROM growth_measurement g
            WHERE g.child_id = s.child_id AND g.superseded_by IS NULL
              AND g.measured_on BETWEEN greatest(s.started_on, make_date(s.year_ce, 1, 1))
                                    AND least(s.ended_on, make_date(s.year_ce, 12, 31)))) AS measured
  FROM (SELECT e.unit_id, e.province_code, e.child_id, e.started_on,
               coalesce(e.ended_on, DATE '9999-12-31') AS ended_on,
               generate_series(extract(year FROM e.started_on)::int,
                               extract(year FROM coalesce(e.ended_on, current_date))::int) AS year_ce
          FROM enrolment e
         WHERE e.kind = 'ENROLLED') s
 GROUP BY s.unit_id, s.province_code, s.year_ce;

-- Published by the record book: the national "age-appropriate development" KPI (พัฒนาการสมวัย) per
-- unit, calendar year (CE) of the key age, and Standard-3 age group, the same rule as core's
-- DspmSchedule.NATIONAL (THAI-RULES §2):
--   * key ages 9, 18, 30 months are group ก (under 3); 42 and 60 months group ข (3-6 years);
--   * the window opens the day the age is reached (date + N months, month-end clamped as Java's
--     plusMonths) and lasts 30 days, that day included; the first current screening in it counts;
--   * a child counts as screened when such a screening exists, and as age-appropriate when it was
--     1B260, or 1B261 followed by a 1B260 no later than 30 days after it (1B262 does not re-check);
--   * a child belongs to the unit when an enrolment overlaps the window.
CREATE VIEW recordbook_unit_dspm_outcome AS
SELECT w.unit_id, w.province_code, extract(year FROM w.opens)::int AS year_ce, w.age_group,
       count(*) AS screened,
       count(*) FILTER (WHERE f.outcome_code = '1B260' OR (f.outcome_code = '1B261' AND EXISTS (
           SELECT 1 FROM dspm_screening r
            WHERE r.child_id = w.child_id AND r.superseded_by IS NULL AND r.outcome_code = '1B260'
              AND r.screened_on > f.screened_on AND r.screened_on <= f.screened_on + 30))) AS age_appropriate
  FROM (SELECT DISTINCT e.unit_id, e.province_code, e.child_id, k.months, k.age_group,
               (c.date_of_birth + make_interval(months => k.months))::date AS opens
          FROM enrolment e
          JOIN child c ON c.id = e.child_id
         CROSS JOIN (VALUES (9, 'ก'), (18, 'ก'), (30, 'ก'), (42, 'ข'), (60, 'ข')) AS k (months, age_group)
         WHERE e.kind = 'ENROLLED'
           AND e.started_on <= (c.date_of_birth + make_interval(months => k.months))::date + 29
           AND (e.ended_on IS NULL OR e.ended_on >= (c.date_of_birth + make_interval(months => k.months))::date)) w
 CROSS JOIN LATERAL (
        SELECT s.screened_on, s.outcome_code
          FROM dspm_screening s
         WHERE s.child_id = w.child_id AND s.superseded_by IS NULL
           AND s.screened_on BETWEEN w.opens AND w.opens + 29
         ORDER BY s.screened_on, s.recorded_at
         LIMIT 1) f
 GROUP BY w.unit_id, w.province_code, extract(year FROM w.opens), w.age_group;
