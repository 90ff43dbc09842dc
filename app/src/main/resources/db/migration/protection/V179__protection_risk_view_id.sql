-- The screening id at the end of the view the indicators read, to break a tie between two screenings of a child
-- recorded at the same instant (see indicators V178).
CREATE OR REPLACE VIEW protection_child_risk AS
SELECT child_id, (recorded_at AT TIME ZONE 'Asia/Bangkok')::date AS recorded_on, recorded_at, level, items, id
  FROM protection_screening;
