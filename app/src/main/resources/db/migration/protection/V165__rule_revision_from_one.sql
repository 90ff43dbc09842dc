-- Compare-and-set for a province's first rule: revision 0 now means "no own rule yet" (the editor saw the national
-- rule), so a stored rule starts at 1 and the first save is INSERT ... ON CONFLICT DO NOTHING. Two editors who both
-- saw the national rule cannot both win; the second answers 409.
UPDATE protection_rule SET revision = revision + 1;
ALTER TABLE protection_rule ALTER COLUMN revision SET DEFAULT 1;
ALTER TABLE protection_rule ADD CONSTRAINT protection_rule_revision_from_one CHECK (revision >= 1);
