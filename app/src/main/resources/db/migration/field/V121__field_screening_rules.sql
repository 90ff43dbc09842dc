-- Screening rules as data (issue 11 §6; THAI-RULES.md §6). Each yields a need with the agency type that must act.
-- Thresholds and weights are configuration: change a row, not the code. Where a source is unverified, it says so.
CREATE TABLE field_screening_rule (
    code         text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]+$'),
    kind         text NOT NULL CHECK (kind IN ('EEF_CCT', 'CHILD_SUPPORT_GRANT', 'NO_IDENTIFIER', 'NO_HEALTH_COVERAGE',
                                               'DISABILITY')),
    need_key     text NOT NULL,
    agency_type  text NOT NULL,
    parameters   jsonb NOT NULL DEFAULT '{}',
    source       text NOT NULL,
    active       boolean NOT NULL DEFAULT true
);

INSERT INTO field_screening_rule (code, kind, need_key, agency_type, parameters, source) VALUES
 -- EEF: income ≤ 3,000 baht per member per month [V]; the household-status items enter the PMT with weights the EEF
 -- has not published [U]: "pmt" stays null until they are configured (item -> option -> weight, and a cut-off score).
 ('eef-cct', 'EEF_CCT', 'need.field.eef', 'EEF',
  '{"maxIncomePerMemberMonth": 3000, "pmt": null}',
  'EEF manual นร.กสศ.01 section 1.4.1 (anyflip syecy/crzk page10); PMT weights [U] page11'),
 -- DCY child support grant: household average ≤ 100,000 baht per person per year [V], children 0-6 [V].
 ('dcy-csg', 'CHILD_SUPPORT_GRANT', 'need.field.csg', 'DCY',
  '{"maxIncomePerMemberYear": 100000, "maxAgeMonths": 72}',
  'csg.dcy.go.th eligibility test; municipal notice Dec 2020 (THAI-RULES §6)'),
 ('no-identifier', 'NO_IDENTIFIER', 'need.field.noIdentifier', 'DOPA', '{}',
  'THAI-RULES §4: a child without a national ID (G-code or none) needs birth/civil registration at the district office'),
 ('no-health-coverage', 'NO_HEALTH_COVERAGE', 'need.field.noCoverage', 'MOPH', '{}',
  'Universal coverage registration at the health unit (NHSO) for a child with no coverage'),
 ('disability', 'DISABILITY', 'need.field.disability', 'MSDHS', '{}',
  'Disability registration and assessment (OPS-MSDHS with MOPH)');

-- The needs screening found for a child on a visit; the record book shows those of the child's latest visit.
CREATE TABLE field_need (
    visit_child_id uuid NOT NULL REFERENCES field_visit_child (id) ON DELETE CASCADE,
    child_id       uuid NOT NULL,
    rule_code      text NOT NULL REFERENCES field_screening_rule (code),
    agency_type    text NOT NULL,
    detail         text,
    found_on       date NOT NULL,
    PRIMARY KEY (visit_child_id, rule_code)
);
CREATE INDEX field_need_child ON field_need (child_id, found_on);
