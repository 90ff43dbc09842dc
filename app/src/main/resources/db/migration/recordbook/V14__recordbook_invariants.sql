-- Invariants the record book used to keep only in Java (check-then-insert races).

-- The same vaccine on the same day is the same dose: one current row per child, code and day.
UPDATE immunization i SET superseded_by = keep.id, correction_reason = 'duplicate of the same dose'
  FROM immunization keep
 WHERE i.superseded_by IS NULL AND keep.superseded_by IS NULL AND i.id <> keep.id
   AND i.child_id = keep.child_id AND i.vaccine_code = keep.vaccine_code AND i.given_on = keep.given_on
   AND (i.recorded_at, i.id) > (keep.recorded_at, keep.id);
CREATE UNIQUE INDEX immunization_one_dose_idx ON immunization (child_id, vaccine_code, given_on)
    WHERE superseded_by IS NULL;

-- A class roster saves each row as it is typed: one current roster measurement per child, day and unit;
-- a later save of the row supersedes the earlier one. roster_unit_id is set only for roster entries.
ALTER TABLE growth_measurement ADD COLUMN roster_unit_id UUID REFERENCES service_unit (id);
CREATE UNIQUE INDEX growth_measurement_roster_idx ON growth_measurement (child_id, measured_on, roster_unit_id)
    WHERE superseded_by IS NULL AND roster_unit_id IS NOT NULL;
-- The old row is pointed at its replacement before the replacement exists (the unique index allows one
-- current row), so the reference is checked at commit.
ALTER TABLE growth_measurement ALTER CONSTRAINT growth_measurement_superseded_by_fkey DEFERRABLE INITIALLY DEFERRED;
