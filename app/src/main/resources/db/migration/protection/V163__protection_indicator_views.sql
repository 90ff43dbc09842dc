-- Issue 17 §4: counts of vulnerable children for planning, in the indicators and the open data. As the other
-- modules do for indicators (V140), protection publishes read-only views of what the counts need: the level and
-- items of each screening and when each concern was open; never the reason, the reporter or the office.
-- A concern's closing day is kept from now on (a concern closed before has none and counts as closed from the
-- day this migration runs, the best that can be said of it).
ALTER TABLE protection_concern ADD COLUMN closed_at timestamptz;
UPDATE protection_concern SET closed_at = now() WHERE status = 'CLOSED';
ALTER TABLE protection_concern ADD CONSTRAINT protection_concern_closed_at
    CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL));

-- Days in Thailand: a screening at 06:00 on 1 January in Bangkok belongs to the new year.
CREATE VIEW protection_child_risk AS
SELECT child_id, (recorded_at AT TIME ZONE 'Asia/Bangkok')::date AS recorded_on, recorded_at, level, items
  FROM protection_screening;

CREATE VIEW protection_child_concern AS
SELECT child_id, (opened_at AT TIME ZONE 'Asia/Bangkok')::date AS opened_on,
       (closed_at AT TIME ZONE 'Asia/Bangkok')::date AS closed_on
  FROM protection_concern;

-- Every write marks the child dirty for the indicators, whichever code path wrote it (as V140's triggers).
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['protection_screening', 'protection_concern']
    LOOP
        EXECUTE format('CREATE TRIGGER indicator_dirty_ins AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION indicator_mark_rows(%L, %L)', t, 'child_id', 'new');
        EXECUTE format('CREATE TRIGGER indicator_dirty_upd AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION indicator_mark_rows(%L, %L)', t, 'child_id', 'both');
        EXECUTE format('CREATE TRIGGER indicator_dirty_del AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION indicator_mark_rows(%L, %L)', t, 'child_id', 'old');
    END LOOP;
END $$;

-- Children screened before are counted on the next refresh (only those that exist: tests insert screenings of
-- made-up children straight into the table).
INSERT INTO indicator_dirty_child (child_id)
SELECT DISTINCT s.child_id FROM protection_screening s JOIN child c ON c.id = s.child_id ON CONFLICT DO NOTHING;
