-- Published by the record book (STYLE.md habits 2 and 16) for the assessment's Standard-3 items
-- (core's ItemFigures): counts per unit, never a child's identity. Added beside V21_3, which stays as
-- applied.

-- The DSPM rule of recordbook_unit_dspm_outcome read domain by domain (core's DomainOutcome, kept equal
-- to it by DomainViewParityTest), per unit, calendar year (CE) of the key age, Standard-3 age group and
-- domain (GM, FM, RL, EL, PS):
--   * the key-age windows, the enrolment overlap and the first current screening in the window are
--     those of recordbook_unit_dspm_outcome;
--   * the child is age-appropriate in a domain when that screening found the domain NORMAL, or found a
--     SUSPECTED_DELAY, the screening was not a referral (1B262), and a later current screening no more
--     than 30 days after it found the domain NORMAL.
-- The per-domain reading of the national KPI is inferred (THAI-RULES §1.4 [I]).
CREATE OR REPLACE VIEW recordbook_unit_dspm_domain_outcome AS
SELECT w.unit_id, w.province_code, extract(year FROM w.opens)::int AS year_ce, w.age_group, d.domain,
       count(*) AS screened,
       count(*) FILTER (WHERE d.result = 'NORMAL' OR (d.result = 'SUSPECTED_DELAY' AND f.outcome_code <> '1B262'
           AND EXISTS (SELECT 1 FROM dspm_screening r
                        WHERE r.child_id = w.child_id AND r.superseded_by IS NULL
                          AND r.screened_on > f.screened_on AND r.screened_on <= f.screened_on + 30
                          AND CASE d.domain WHEN 'GM' THEN r.gm WHEN 'FM' THEN r.fm WHEN 'RL' THEN r.rl
                                            WHEN 'EL' THEN r.el ELSE r.ps END = 'NORMAL'))) AS age_appropriate
  FROM (SELECT DISTINCT e.unit_id, e.province_code, e.child_id, k.months, k.age_group,
               (c.date_of_birth + make_interval(months => k.months))::date AS opens
          FROM enrolment e
          JOIN child c ON c.id = e.child_id
         CROSS JOIN (VALUES (9, 'ก'), (18, 'ก'), (30, 'ก'), (42, 'ข'), (60, 'ข')) AS k (months, age_group)
         WHERE e.kind = 'ENROLLED'
           AND e.started_on <= (c.date_of_birth + make_interval(months => k.months))::date + 29
           AND (e.ended_on IS NULL OR e.ended_on >= (c.date_of_birth + make_interval(months => k.months))::date)) w
 CROSS JOIN LATERAL (
        SELECT s.screened_on, s.outcome_code, s.gm, s.fm, s.rl, s.el, s.ps
          FROM dspm_screening s
         WHERE s.child_id = w.child_id AND s.superseded_by IS NULL
           AND s.screened_on BETWEEN w.opens AND w.opens + 29
         ORDER BY s.screened_on, s.recorded_at
         LIMIT 1) f
 CROSS JOIN LATERAL (VALUES ('GM', f.gm), ('FM', f.fm), ('RL', f.rl), ('EL', f.el), ('PS', f.ps)) AS d (domain, result)
 GROUP BY w.unit_id, w.province_code, extract(year FROM w.opens), w.age_group, d.domain;

-- Growth items 3.1.1 ก/ข ("น้ำหนักตัวเหมาะสมกับวัยและสูงดีสมส่วน"): per unit, calendar year (CE) and
-- Standard-3 age group, the children whose latest current measurement of the year taken while enrolled
-- there has both WHO z-scores (measured), and of them those สูงดีสมส่วน (healthy): height-for-age
-- z >= -1.5 and weight-for-height z within ±1.5. That definition is unverified (THAI-RULES §1.5 [U]);
-- the DoH KPI counts the same numerator over children weighed and measured. Group ก: under 3 years old
-- on the day measured.
CREATE OR REPLACE VIEW recordbook_unit_healthy_growth AS
SELECT l.unit_id, l.province_code, l.year_ce, l.age_group,
       count(*) AS measured,
       count(*) FILTER (WHERE l.z_lhfa >= -1.5 AND l.z_wflh BETWEEN -1.5 AND 1.5) AS healthy
  FROM (SELECT DISTINCT ON (e.unit_id, e.child_id, extract(year FROM g.measured_on))
               e.unit_id, e.province_code, extract(year FROM g.measured_on)::int AS year_ce,
               CASE WHEN g.measured_on < (c.date_of_birth + INTERVAL '3 years')::date THEN 'ก' ELSE 'ข' END AS age_group,
               g.z_lhfa, g.z_wflh
          FROM enrolment e
          JOIN child c ON c.id = e.child_id
          JOIN growth_measurement g ON g.child_id = e.child_id AND g.superseded_by IS NULL
               AND g.measured_on >= e.started_on AND (e.ended_on IS NULL OR g.measured_on <= e.ended_on)
               AND g.z_lhfa IS NOT NULL AND g.z_wflh IS NOT NULL
         WHERE e.kind = 'ENROLLED'
         ORDER BY e.unit_id, e.child_id, extract(year FROM g.measured_on), g.measured_on DESC, g.recorded_at DESC) l
 GROUP BY l.unit_id, l.province_code, l.year_ce, l.age_group;
