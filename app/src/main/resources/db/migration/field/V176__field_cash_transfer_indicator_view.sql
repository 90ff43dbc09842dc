-- Issue 15 §1: children in households eligible for cash transfers. As the other modules do for indicators (V140,
-- protection V163), the field module publishes a read-only view of what the count needs: for each child found on a
-- home visit whose household's income was recorded, the day of the visit and whether the screening (V121's rules)
-- found the household eligible for the DCY child support grant or the EEF conditional cash transfer. Never the
-- income, the members, the household's answers or the visit itself.
-- Numbered after indicators V140, whose indicator_dirty_child the triggers below fill.
CREATE VIEW field_child_cash_screening AS
SELECT vc.child_id, v.visited_on,
       EXISTS (SELECT 1 FROM field_need n JOIN field_screening_rule r ON r.code = n.rule_code
                WHERE n.visit_child_id = vc.id AND r.kind = 'CHILD_SUPPORT_GRANT') AS csg,
       EXISTS (SELECT 1 FROM field_need n JOIN field_screening_rule r ON r.code = n.rule_code
                WHERE n.visit_child_id = vc.id AND r.kind = 'EEF_CCT') AS eef
  FROM field_visit_child vc JOIN field_visit v ON v.id = vc.visit_id
 WHERE vc.child_id IS NOT NULL AND v.income_per_member IS NOT NULL;

-- Every write marks the child dirty for the indicators, whichever code path wrote it (as V140's triggers; a child
-- found on a visit but not yet matched to the registry has no id, and nothing to mark).
CREATE FUNCTION field_indicator_mark_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO indicator_dirty_child (child_id)
        SELECT DISTINCT child_id FROM new_rows WHERE child_id IS NOT NULL ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO indicator_dirty_child (child_id)
        SELECT DISTINCT child_id FROM old_rows WHERE child_id IS NOT NULL ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['field_visit_child', 'field_need']
    LOOP
        EXECUTE format('CREATE TRIGGER indicator_dirty_ins AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION field_indicator_mark_rows()', t);
        EXECUTE format('CREATE TRIGGER indicator_dirty_upd AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION field_indicator_mark_rows()', t);
        EXECUTE format('CREATE TRIGGER indicator_dirty_del AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION field_indicator_mark_rows()', t);
    END LOOP;
END $$;

-- A visit's income changed (or removed) changes the screening of every child found on it.
CREATE FUNCTION field_indicator_mark_visit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO indicator_dirty_child (child_id)
    SELECT DISTINCT vc.child_id FROM field_visit_child vc JOIN new_rows v ON v.id = vc.visit_id
     WHERE vc.child_id IS NOT NULL
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER indicator_dirty_upd AFTER UPDATE ON field_visit REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION field_indicator_mark_visit();

-- Children screened before are counted on the next refresh (only those that exist).
INSERT INTO indicator_dirty_child (child_id)
SELECT DISTINCT vc.child_id FROM field_visit_child vc JOIN child c ON c.id = vc.child_id ON CONFLICT DO NOTHING;
