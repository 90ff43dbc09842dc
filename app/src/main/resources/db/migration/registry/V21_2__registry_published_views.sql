-- Published by the registry (STYLE.md habits 2 and 16): the views other modules may read instead of
-- the registry's tables. The registry owns this file and keeps the views' columns when it changes
-- its tables. Readers: assessment (RecordFacts). They expose counts and dates, never a child's identity.
--
-- Numbered 21.2, after V21__published_views_for_assessment.sql, which first created the view with a
-- plain CREATE VIEW and stays as applied (see V21_1).

-- Each enrolment (not mere registration) at a unit with the child's date of birth, so a reader counts
-- children per age group on any day it chooses. No child id or name.
CREATE OR REPLACE VIEW registry_unit_children_by_age AS
SELECT e.unit_id, e.province_code, c.date_of_birth, e.started_on, e.ended_on
  FROM enrolment e
  JOIN child c ON c.id = e.child_id
 WHERE e.kind = 'ENROLLED';
