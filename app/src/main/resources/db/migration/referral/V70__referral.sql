-- Referrals between service units (issue 12): the slip, its history and the notifications it causes.
-- The child is referenced by id; the name and date of birth on the slip are what a paper slip carries, so the
-- receiving unit knows whom it is about even when the MOU gives it nothing else.
CREATE TABLE referral (
    id               uuid PRIMARY KEY,
    child_id         uuid NOT NULL,
    province_code    text NOT NULL,
    child_name       text NOT NULL,
    child_birth_date date NOT NULL,
    need_type        text NOT NULL,
    need_key         text,
    need_detail      text,
    reason           text NOT NULL,
    from_unit        uuid NOT NULL,
    to_unit          uuid NOT NULL,
    to_area_code     text NOT NULL,
    to_agencies      text[] NOT NULL,
    status           text NOT NULL CHECK (status IN ('CREATED','RECEIVED','ACCEPTED','IN_SERVICE','COMPLETED',
                                                     'DECLINED','REDIRECTED','CLOSED')),
    revision         integer NOT NULL DEFAULT 0,
    created_by       uuid NOT NULL,
    created_by_name  text NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    due_on           date NOT NULL,
    legal_basis      text NOT NULL CHECK (legal_basis IN ('HEALTH_SERVICE','CONSENT','CHILD_PROTECTION','VITAL_INTEREST')),
    legal_reason     text,
    review_needed    boolean NOT NULL DEFAULT false,
    reviewed_at      timestamptz,
    reviewed_by      text,
    decline_reason   text,
    redirected_from  uuid REFERENCES referral (id),
    redirected_to    uuid REFERENCES referral (id),
    outcome          text,
    outcome_note     text,
    closed_reason    text,
    escalated_at     timestamptz,
    CHECK (from_unit <> to_unit),
    CHECK (status <> 'COMPLETED' OR outcome IS NOT NULL),
    CHECK (status <> 'DECLINED' OR decline_reason IS NOT NULL),
    CHECK (legal_basis NOT IN ('CHILD_PROTECTION','VITAL_INTEREST') OR (legal_reason IS NOT NULL AND review_needed))
);
CREATE INDEX referral_incoming ON referral (to_unit, status, created_at DESC);
CREATE INDEX referral_outgoing ON referral (from_unit, status, created_at DESC);
CREATE INDEX referral_child ON referral (child_id);
CREATE INDEX referral_open_due ON referral (due_on)
    WHERE status IN ('CREATED','RECEIVED','ACCEPTED','IN_SERVICE');
CREATE INDEX referral_review ON referral (province_code) WHERE review_needed AND reviewed_at IS NULL;

-- Every status change, appointment and note: the referral's timeline, seen by both units.
CREATE TABLE referral_event (
    id             uuid PRIMARY KEY,
    referral_id    uuid NOT NULL REFERENCES referral (id),
    occurred_at    timestamptz NOT NULL,
    kind           text NOT NULL,
    status         text NOT NULL,
    user_id        uuid,
    display_name   text NOT NULL,
    unit_id        uuid,
    note           text,
    appointment_at timestamptz
);
CREATE INDEX referral_event_of ON referral_event (referral_id, occurred_at);

-- In-app notifications: a link to the referral and what happened, never the child's data. Addressed to a
-- service unit, or to the supervisors of an area and agency (escalations).
CREATE TABLE referral_notification (
    id                 uuid PRIMARY KEY,
    referral_id        uuid NOT NULL REFERENCES referral (id),
    created_at         timestamptz NOT NULL,
    kind               text NOT NULL,
    recipient_unit     uuid,
    recipient_area     text,
    recipient_agencies text[],
    CHECK ((recipient_unit IS NULL) <> (recipient_area IS NULL))
);
CREATE INDEX referral_notification_unit ON referral_notification (recipient_unit, created_at DESC);
CREATE INDEX referral_notification_area ON referral_notification (recipient_area, created_at DESC);
