-- Invariants the registry used to keep only in Java (check-then-insert races), and join requests.

-- A child attends one center at a time: at most one current ENROLLED enrolment per child. Registration
-- at a health unit (REGISTERED) may stand beside it. Databases made before this rule may hold children
-- enrolled twice (the take-over the trust issue describes): the older of each pair is closed first.
UPDATE enrolment e
   SET ended_on = greatest(e.started_on, newer.started_on), end_reason = 'DUPLICATE_CLOSED'
  FROM enrolment newer
 WHERE e.kind = 'ENROLLED' AND newer.kind = 'ENROLLED'
   AND e.ended_on IS NULL AND newer.ended_on IS NULL
   AND e.child_id = newer.child_id AND e.id <> newer.id
   AND (e.started_on, e.created_at, e.id) < (newer.started_on, newer.created_at, newer.id);
CREATE UNIQUE INDEX enrolment_one_center_idx ON enrolment (child_id) WHERE ended_on IS NULL AND kind = 'ENROLLED';

-- Nor is a child current twice at the same unit (two concurrent registrations of the same child there).
UPDATE enrolment e
   SET ended_on = greatest(e.started_on, newer.started_on), end_reason = 'DUPLICATE_CLOSED'
  FROM enrolment newer
 WHERE e.ended_on IS NULL AND newer.ended_on IS NULL
   AND e.child_id = newer.child_id AND e.unit_id = newer.unit_id AND e.id <> newer.id
   AND (e.started_on, e.created_at, e.id) < (newer.started_on, newer.created_at, newer.id);
CREATE UNIQUE INDEX enrolment_one_per_unit_idx ON enrolment (child_id, unit_id) WHERE ended_on IS NULL;

-- A unit that gives the identifier of a child registered elsewhere does not get the child: it asks.
-- The child's current unit (or the guardian) approves, which moves the child as a transfer would, or
-- declines. dob_matches records whether the requester knew the date of birth and sex on record; it is
-- shown to the approver only, never answered to the requester.
CREATE TABLE join_request (
    id                UUID PRIMARY KEY,
    child_id          UUID NOT NULL REFERENCES child (id),
    unit_id           UUID NOT NULL REFERENCES service_unit (id),
    kind              TEXT NOT NULL CHECK (kind IN ('ENROLLED', 'REGISTERED')),
    class_name        TEXT,
    details_match     BOOLEAN NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED')),
    revision          INT NOT NULL DEFAULT 0,
    requested_by      TEXT NOT NULL,
    requested_at      TIMESTAMPTZ NOT NULL,
    decided_by        TEXT,
    decided_at        TIMESTAMPTZ,
    decision_note     TEXT,
    province_code     VARCHAR(2) NOT NULL,
    CHECK ((status = 'PENDING') = (decided_at IS NULL))
);
CREATE UNIQUE INDEX join_request_pending_idx ON join_request (child_id, unit_id) WHERE status = 'PENDING';
CREATE INDEX join_request_child_idx ON join_request (child_id) WHERE status = 'PENDING';

-- Identity look-ups (registration or search by national ID or G-code) per user and hour, so that a
-- recorder cannot try identifiers or birthdays at machine speed. Counted in PostgreSQL for every node.
CREATE TABLE identity_lookup (
    user_id      UUID NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    lookups      INT NOT NULL,
    PRIMARY KEY (user_id, window_start)
);

-- The handover summary is written by the record book when it hears of the transfer (an event, after
-- commit): NULL until then.
ALTER TABLE transfer ALTER COLUMN handover DROP NOT NULL;
