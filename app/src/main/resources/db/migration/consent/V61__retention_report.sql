-- The retention job's report: each run, and each thing it removed (never the access log, which is evidence).
CREATE TABLE retention_run (
    id            UUID PRIMARY KEY,
    -- A scheduled run claims its day, so with several nodes only one runs it (besides the advisory lock).
    run_on        DATE NOT NULL,
    scheduled     BOOLEAN NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    rules         TEXT NOT NULL,
    removed_count INT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX retention_run_scheduled_day_idx ON retention_run (run_on) WHERE scheduled;

CREATE TABLE retention_removal (
    id            UUID PRIMARY KEY,
    run_id        UUID NOT NULL REFERENCES retention_run (id),
    category      TEXT NOT NULL,
    child_id      UUID,
    province_code VARCHAR(2),
    what          TEXT NOT NULL,
    detail        TEXT,
    kept_since    TIMESTAMPTZ,
    removed_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX retention_removal_run_idx ON retention_removal (run_id);
