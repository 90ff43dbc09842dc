-- An e-mail address on an account, for notifications (issue 12, §3). The column belongs to the identity module
-- (app_user is its table; only org.tonkla.identity.Mailboxes reads or writes it); it lives in the referral
-- range because referrals are its first use. Optional: accounts without one get in-app notifications only.
ALTER TABLE app_user ADD COLUMN IF NOT EXISTS email text
    CHECK (email IS NULL OR (length(email) <= 254 AND email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'));
