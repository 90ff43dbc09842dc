-- MOPH 43-file imports: one job per zip (by its SHA-256), a checkpoint per file and batch written in the
-- same transaction as the batch's rows, so a job killed at any point resumes to exactly the counts of an
-- uninterrupted run; and every rejected row with its line and reason.
CREATE TABLE f43_job (
    id           UUID PRIMARY KEY,
    zip_sha256   TEXT NOT NULL UNIQUE,
    zip_name     TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    batches      INTEGER NOT NULL DEFAULT 0,
    error        TEXT,
    started_by   TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ
);

-- One row per batch done and metric (rows read, accepted, children …); the report is their sum.
CREATE TABLE f43_batch_count (
    job_id    UUID NOT NULL REFERENCES f43_job (id),
    file      TEXT NOT NULL,
    batch_no  INTEGER NOT NULL,
    metric    TEXT NOT NULL,
    n         BIGINT NOT NULL,
    PRIMARY KEY (job_id, file, batch_no, metric)
);

CREATE TABLE f43_batch_done (
    job_id    UUID NOT NULL REFERENCES f43_job (id),
    file      TEXT NOT NULL,
    batch_no  INTEGER NOT NULL,
    PRIMARY KEY (job_id, file, batch_no)
);

CREATE TABLE f43_rejection (
    job_id    UUID NOT NULL REFERENCES f43_job (id),
    file      TEXT NOT NULL,
    line      INTEGER NOT NULL,
    reason    TEXT NOT NULL,
    detail    TEXT NOT NULL,
    PRIMARY KEY (job_id, file, line, reason)
);
