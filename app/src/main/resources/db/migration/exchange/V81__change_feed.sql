-- Change feed for partner systems (issue 14 point 4): every change of a resource the FHIR API serves, in an
-- order a reader can follow without missing or repeating one, even with concurrent writers.
--
-- Ordering: (tx, seq). tx is the writing transaction's id (xid8, never wraps); seq is from a sequence. A reader
-- returns only rows whose tx is below the oldest transaction still in flight (pg_snapshot_xmin of its snapshot):
-- every such transaction has ended, so no row can appear later before the cursor, and every transaction that
-- commits later has a larger tx than any row handed out. A sequence alone is not enough: a transaction may
-- take seq 5, another seq 6 and commit first; a reader at 6 would never see 5.
--
-- Filled by triggers owned by this migration on the registry's and the record book's tables (child,
-- child_guardian, guardian, enrolment, growth_measurement, dspm_screening, immunization), because those
-- modules publish no domain event for most of their writes (bulk imports use COPY). The triggers only
-- append here; they change nothing in the tables they watch. Documented in README "Change feed".
CREATE SEQUENCE exchange_change_seq;
CREATE TABLE exchange_change (
    seq           BIGINT PRIMARY KEY DEFAULT nextval('exchange_change_seq'),
    tx            XID8 NOT NULL DEFAULT pg_current_xact_id(),
    resource_type TEXT NOT NULL CHECK (resource_type IN ('Patient', 'RelatedPerson', 'Observation', 'Immunization')),
    resource_id   TEXT NOT NULL,
    child_id      UUID NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('created', 'updated', 'deleted')),
    changed_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX exchange_change_order_idx ON exchange_change (tx, seq);
CREATE INDEX exchange_change_resource_idx ON exchange_change (resource_id, seq DESC);

CREATE FUNCTION exchange_change_of_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    kind TEXT;
BEGIN
    IF TG_OP = 'INSERT' THEN
        kind := 'created';
    ELSIF OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL THEN
        kind := 'deleted'; -- a corrected entry: its correction is a new row, itself 'created'
    ELSE
        kind := 'updated';
    END IF;
    IF TG_TABLE_NAME = 'growth_measurement' THEN
        -- One Observation per measured quantity (FhirIds): weight -w, length/height -l, head circumference -hc.
        IF NEW.weight_kg IS NOT NULL THEN
            INSERT INTO exchange_change (resource_type, resource_id, child_id, kind) VALUES ('Observation', NEW.id || '-w', NEW.child_id, kind);
        END IF;
        IF NEW.length_cm IS NOT NULL THEN
            INSERT INTO exchange_change (resource_type, resource_id, child_id, kind) VALUES ('Observation', NEW.id || '-l', NEW.child_id, kind);
        END IF;
        IF NEW.head_cm IS NOT NULL THEN
            INSERT INTO exchange_change (resource_type, resource_id, child_id, kind) VALUES ('Observation', NEW.id || '-hc', NEW.child_id, kind);
        END IF;
    ELSIF TG_TABLE_NAME = 'dspm_screening' THEN
        INSERT INTO exchange_change (resource_type, resource_id, child_id, kind) VALUES ('Observation', NEW.id::text, NEW.child_id, kind);
    ELSE
        INSERT INTO exchange_change (resource_type, resource_id, child_id, kind) VALUES ('Immunization', NEW.id::text, NEW.child_id, kind);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION exchange_change_of_child() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'child' THEN
        IF TG_OP = 'DELETE' THEN
            INSERT INTO exchange_change (resource_type, resource_id, child_id, kind) VALUES ('Patient', OLD.id::text, OLD.id, 'deleted');
        ELSE
            INSERT INTO exchange_change (resource_type, resource_id, child_id, kind)
            VALUES ('Patient', NEW.id::text, NEW.id, CASE TG_OP WHEN 'INSERT' THEN 'created' ELSE 'updated' END);
        END IF;
    ELSIF TG_TABLE_NAME = 'enrolment' THEN
        -- the Patient's managing organization and who may read it change with enrolments
        INSERT INTO exchange_change (resource_type, resource_id, child_id, kind) VALUES ('Patient', NEW.child_id::text, NEW.child_id, 'updated');
    ELSIF TG_TABLE_NAME = 'child_guardian' THEN
        IF TG_OP = 'DELETE' THEN
            INSERT INTO exchange_change (resource_type, resource_id, child_id, kind) VALUES ('RelatedPerson', OLD.guardian_id::text, OLD.child_id, 'deleted');
        ELSE
            INSERT INTO exchange_change (resource_type, resource_id, child_id, kind)
            VALUES ('RelatedPerson', NEW.guardian_id::text, NEW.child_id, CASE TG_OP WHEN 'INSERT' THEN 'created' ELSE 'updated' END);
        END IF;
    ELSIF TG_TABLE_NAME = 'guardian' THEN
        INSERT INTO exchange_change (resource_type, resource_id, child_id, kind)
        SELECT 'RelatedPerson', NEW.id::text, cg.child_id, 'updated' FROM child_guardian cg WHERE cg.guardian_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER exchange_change_growth AFTER INSERT OR UPDATE ON growth_measurement
    FOR EACH ROW EXECUTE FUNCTION exchange_change_of_entry();
CREATE TRIGGER exchange_change_screening AFTER INSERT OR UPDATE ON dspm_screening
    FOR EACH ROW EXECUTE FUNCTION exchange_change_of_entry();
CREATE TRIGGER exchange_change_immunization AFTER INSERT OR UPDATE ON immunization
    FOR EACH ROW EXECUTE FUNCTION exchange_change_of_entry();
CREATE TRIGGER exchange_change_child AFTER INSERT OR DELETE ON child
    FOR EACH ROW EXECUTE FUNCTION exchange_change_of_child();
CREATE TRIGGER exchange_change_child_update AFTER UPDATE ON child
    FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION exchange_change_of_child();
CREATE TRIGGER exchange_change_enrolment AFTER INSERT OR UPDATE ON enrolment
    FOR EACH ROW EXECUTE FUNCTION exchange_change_of_child();
CREATE TRIGGER exchange_change_child_guardian AFTER INSERT OR UPDATE OR DELETE ON child_guardian
    FOR EACH ROW EXECUTE FUNCTION exchange_change_of_child();
CREATE TRIGGER exchange_change_guardian AFTER UPDATE ON guardian
    FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION exchange_change_of_child();

-- What existed before the feed: one 'created' each, so a partner starting at the beginning gets everything.
INSERT INTO exchange_change (resource_type, resource_id, child_id, kind, changed_at)
SELECT 'Patient', id::text, id, 'created', updated_at FROM child ORDER BY created_at;
INSERT INTO exchange_change (resource_type, resource_id, child_id, kind, changed_at)
SELECT 'RelatedPerson', guardian_id::text, child_id, 'created', now() FROM child_guardian;
INSERT INTO exchange_change (resource_type, resource_id, child_id, kind, changed_at)
SELECT 'Observation', id || p.suffix, child_id, 'created', recorded_at FROM growth_measurement
  CROSS JOIN (VALUES ('-w'), ('-l'), ('-hc')) p (suffix)
 WHERE superseded_by IS NULL AND CASE p.suffix WHEN '-w' THEN weight_kg IS NOT NULL
                                               WHEN '-l' THEN length_cm IS NOT NULL ELSE head_cm IS NOT NULL END;
INSERT INTO exchange_change (resource_type, resource_id, child_id, kind, changed_at)
SELECT 'Observation', id::text, child_id, 'created', recorded_at FROM dspm_screening WHERE superseded_by IS NULL;
INSERT INTO exchange_change (resource_type, resource_id, child_id, kind, changed_at)
SELECT 'Immunization', id::text, child_id, 'created', recorded_at FROM immunization WHERE superseded_by IS NULL;
