-- PDPA s.35: a family asks for a fact about their child to be corrected. The request goes to the unit that
-- recorded the fact; that unit's recorders correct the record (through the usual corrections, which keep
-- history) and resolve the request, or reject it with a reason. The family sees the status.
CREATE TABLE correction_request (
    id            UUID PRIMARY KEY,
    child_id      UUID NOT NULL REFERENCES child (id),
    province_code VARCHAR(2) NOT NULL,
    unit_id       UUID NOT NULL REFERENCES service_unit (id),
    -- What the family names: a kind of fact (MEASUREMENT, SCREENING, IMMUNIZATION, HEALTH_NOTE, IDENTITY,
    -- GUARDIAN, ENROLMENT), its id where it has one, and the field they think is wrong.
    fact_kind     TEXT NOT NULL CHECK (fact_kind IN ('MEASUREMENT', 'SCREENING', 'IMMUNIZATION', 'HEALTH_NOTE',
                                                     'IDENTITY', 'GUARDIAN', 'ENROLMENT')),
    fact_id       UUID,
    field         TEXT,
    description   TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
    requested_by  UUID NOT NULL REFERENCES app_user (id),
    requested_at  TIMESTAMPTZ NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('OPEN', 'CORRECTED', 'REJECTED')),
    resolution    TEXT,
    resolved_by   TEXT,
    resolved_at   TIMESTAMPTZ,
    revision      INT NOT NULL DEFAULT 0,
    CHECK ((status = 'OPEN') = (resolved_at IS NULL)),
    CHECK (status <> 'REJECTED' OR length(coalesce(resolution, '')) > 0)
);
CREATE INDEX correction_request_unit_idx ON correction_request (unit_id, status, requested_at DESC);
CREATE INDEX correction_request_child_idx ON correction_request (child_id, requested_at DESC);
