-- District committees (issue 12 §5): the district quality-of-life committee (พชอ.) and the child-protection
-- subcommittee, their members from each agency, meetings with an agenda of cases, minutes, decisions as tasks
-- assigned to an agency, and a care plan per child. Children are referenced by id only: a name is read through the
-- registry's kernel, for members, while the child is on a published agenda.
CREATE TABLE committee (
    id            uuid PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('QUALITY_OF_LIFE', 'CHILD_PROTECTION')),
    district_code text NOT NULL CHECK (district_code ~ '^[0-9]{4}$'),
    name_th       text NOT NULL,
    created_at    timestamptz NOT NULL,
    UNIQUE (district_code, kind)
);

CREATE TABLE committee_member (
    committee_id uuid NOT NULL REFERENCES committee (id),
    user_id      uuid NOT NULL,
    username     text NOT NULL,
    display_name text NOT NULL,
    agency_code  text,
    role         text NOT NULL CHECK (role IN ('CHAIR', 'SECRETARY', 'MEMBER')),
    added_at     timestamptz NOT NULL,
    PRIMARY KEY (committee_id, user_id)
);
CREATE INDEX committee_member_user ON committee_member (user_id);
-- One chair per committee; secretaries may be several (a deputy secretary is common).
CREATE UNIQUE INDEX committee_one_chair ON committee_member (committee_id) WHERE role = 'CHAIR';

-- A meeting: DRAFT while the secretary prepares the agenda, PUBLISHED once sent to members (named cases visible to
-- them), CLOSED after the minutes are final (names hidden again).
CREATE TABLE committee_meeting (
    id           uuid PRIMARY KEY,
    committee_id uuid NOT NULL REFERENCES committee (id),
    number       integer NOT NULL CHECK (number > 0),
    held_on      date NOT NULL,
    place        text NOT NULL,
    status       text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED')),
    minutes      text,
    revision     integer NOT NULL DEFAULT 0,
    published_at timestamptz,
    closed_at    timestamptz,
    UNIQUE (committee_id, number),
    CHECK (status = 'DRAFT' OR published_at IS NOT NULL)
);

-- Decisions: a task for an agency (optionally one of its units) with a due date, followed up until done.
CREATE TABLE committee_task (
    id            uuid PRIMARY KEY,
    committee_id  uuid NOT NULL REFERENCES committee (id),
    meeting_id    uuid NOT NULL REFERENCES committee_meeting (id),
    item_id       uuid,
    child_id      uuid,
    province_code text,
    description   text NOT NULL,
    agency_code   text NOT NULL,
    unit_id       uuid,
    due_on        date NOT NULL,
    status        text NOT NULL CHECK (status IN ('OPEN', 'DONE')),
    done_at       timestamptz,
    done_note     text,
    created_at    timestamptz NOT NULL,
    CHECK ((status = 'DONE') = (done_at IS NOT NULL)),
    CHECK ((child_id IS NULL) = (province_code IS NULL))
);
CREATE INDEX committee_task_open ON committee_task (committee_id, due_on) WHERE status = 'OPEN';

-- Agenda items: a case (a child), a follow-up of an open task, or a free item. PROPOSED items are Tonkla's
-- suggestions the secretary has not yet accepted; they are not on the agenda and vanish when it is published.
CREATE TABLE committee_agenda_item (
    id          uuid PRIMARY KEY,
    meeting_id  uuid NOT NULL REFERENCES committee_meeting (id),
    position    integer NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('CASE', 'FOLLOW_UP', 'OTHER')),
    proposed    boolean NOT NULL,
    child_id    uuid,
    province_code text,
    task_id     uuid REFERENCES committee_task (id),
    title       text,
    -- what the proposal saw, kept de-identified: reasons (OVERDUE, MULTI_AGENCY), need types, agencies, age
    reasons     text[] NOT NULL DEFAULT '{}',
    need_types  text[] NOT NULL DEFAULT '{}',
    agencies    text[] NOT NULL DEFAULT '{}',
    overdue     integer NOT NULL DEFAULT 0,
    age_months  integer,
    minutes     text,
    CHECK (kind <> 'CASE' OR child_id IS NOT NULL),
    CHECK (kind <> 'FOLLOW_UP' OR task_id IS NOT NULL),
    CHECK (kind <> 'OTHER' OR title IS NOT NULL),
    CHECK ((child_id IS NULL) = (province_code IS NULL))
);
ALTER TABLE committee_task ADD FOREIGN KEY (item_id) REFERENCES committee_agenda_item (id);
CREATE INDEX committee_task_item ON committee_task (item_id);
CREATE UNIQUE INDEX committee_agenda_case ON committee_agenda_item (meeting_id, child_id) WHERE kind = 'CASE';
CREATE UNIQUE INDEX committee_agenda_follow_up ON committee_agenda_item (meeting_id, task_id) WHERE kind = 'FOLLOW_UP';
CREATE INDEX committee_agenda_child ON committee_agenda_item (child_id) WHERE NOT proposed;

-- The care plan made at a case conference: goals and a review date; its tasks are the committee's tasks of the child.
CREATE TABLE committee_care_plan (
    id            uuid PRIMARY KEY,
    committee_id  uuid NOT NULL REFERENCES committee (id),
    child_id      uuid NOT NULL,
    province_code text NOT NULL,
    meeting_id    uuid NOT NULL REFERENCES committee_meeting (id),
    goals         text NOT NULL,
    review_on     date NOT NULL,
    updated_at    timestamptz NOT NULL,
    UNIQUE (committee_id, child_id)
);
