-- Published by the directory (STYLE.md habits 2 and 16): the views other modules may read instead of
-- the directory's tables. The directory owns this file and keeps the views' columns when it changes
-- its tables. Readers: assessment (Monitoring).
--
-- Numbered 21.1, after V21__published_views_for_assessment.sql, which first created the view with a
-- plain CREATE VIEW and stays as applied (databases hold its checksum): on a fresh database V21 runs
-- first and this replaces the view with the same definition; on a database that has V21 already,
-- this runs next. CREATE OR REPLACE keeps the column names, types and order.

-- Where each service unit lies and whom it is affiliated to.
CREATE OR REPLACE VIEW directory_unit_place AS
SELECT id AS unit_id, type, name_th, name_en, agency_code, subdistrict_code,
       substr(subdistrict_code, 1, 4) AS district_code, province_code, updated_at
  FROM service_unit;
