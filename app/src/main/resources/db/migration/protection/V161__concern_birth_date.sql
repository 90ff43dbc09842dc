-- Issue 17: the child-protection subcommittee's agenda shows a proposed concern de-identified, by the child's age;
-- the birth date is kept with the concern when it opens (concerns opened before have none and show no age).
ALTER TABLE protection_concern ADD COLUMN child_birth_date date;
CREATE INDEX protection_concern_district ON protection_concern (district_code, status);
