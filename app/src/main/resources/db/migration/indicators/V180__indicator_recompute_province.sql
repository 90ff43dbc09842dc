-- The provinces an unfinished bulk recompute (IndicatorRefresh.recomputeAll) has finished: their facts and their share
-- of the cells are in, written in the transaction that added the cells. A recompute cut off (a whole country takes
-- hours) resumes with the other provinces instead of starting again; a finished one empties this table, and a bulk
-- writer that bypasses the dirty marks (recomputeNeeded) empties it too, so the next recompute starts from nothing.
CREATE TABLE indicator_recompute_province (
    province_code TEXT PRIMARY KEY,
    finished_at   TIMESTAMPTZ NOT NULL
);
