-- Issue 10 §6: an officer reminds a center that has not handed in this year's self-assessment. The head sees
-- the reminder on her home page. Who reminded which center when stays here (and in the audit trail); a
-- center is reminded at most once a day, whoever reminds it: the unique index says so, not only the code.
CREATE TABLE assessment_reminder (
    id            UUID PRIMARY KEY,
    unit_id       UUID NOT NULL REFERENCES service_unit (id),
    province_code VARCHAR(2) NOT NULL,
    year_be       SMALLINT NOT NULL CHECK (year_be BETWEEN 2500 AND 2700),
    reminded_on   DATE NOT NULL,
    reminded_by   TEXT NOT NULL,
    reminded_at   TIMESTAMPTZ NOT NULL,
    -- whether an e-mail went out too (false: in-app only, no mail sender configured for this module)
    mailed        BOOLEAN NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX assessment_reminder_once_a_day ON assessment_reminder (unit_id, reminded_on);
CREATE INDEX assessment_reminder_unit_year ON assessment_reminder (unit_id, year_be, reminded_at DESC);
