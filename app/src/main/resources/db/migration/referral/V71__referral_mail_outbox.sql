-- E-mail notifications of referrals (issue 12, §3): one row per notification and address, written in the same
-- transaction as the notification and sent after commit by the outbox sender; a failed send is retried later
-- with a growing delay. The message is a link to the referral and what happened, never the child's data, so
-- nothing here names a child.
CREATE TABLE referral_mail (
    id              uuid PRIMARY KEY,
    notification_id uuid NOT NULL REFERENCES referral_notification (id),
    referral_id     uuid NOT NULL REFERENCES referral (id),
    kind            text NOT NULL,
    recipient       text NOT NULL CHECK (recipient LIKE '%_@_%'),
    created_at      timestamptz NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    sent_at         timestamptz,
    last_error      text,
    UNIQUE (notification_id, recipient)
);
CREATE INDEX referral_mail_pending ON referral_mail (next_attempt_at) WHERE sent_at IS NULL;
