-- The measurement and screening ids, at the end of the views the indicators read: two records of a child on the same
-- day, written in one transaction (same recorded_at), tied in "the latest", and the fact computed from either one
-- depending on the plan (a recompute in chunks once differed from one in a single pass). The id breaks the tie.
CREATE OR REPLACE VIEW recordbook_child_growth AS
SELECT child_id, measured_on, recorded_at, z_wfa, z_lhfa, z_wflh, id
  FROM growth_measurement WHERE superseded_by IS NULL;

CREATE OR REPLACE VIEW recordbook_child_dspm AS
SELECT child_id, screened_on, recorded_at, outcome_code, id
  FROM dspm_screening WHERE superseded_by IS NULL;
