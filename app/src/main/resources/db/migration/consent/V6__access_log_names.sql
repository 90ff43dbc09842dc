-- The family reads the access log: keep the name the user had when they looked, not only the login.
-- (A default rather than an UPDATE: the log is append-only, its trigger refuses updates.)
ALTER TABLE access_log ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
