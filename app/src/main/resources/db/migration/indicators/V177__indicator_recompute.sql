-- The last bulk recompute of every child's facts (IndicatorRefresh.recomputeAll) that ran to its end. A bulk writer
-- that bypasses the dirty marks (./tonkla generate) removes the row before it writes and the recompute puts it back, so
-- a rerun that adds no child can tell a finished recompute from an interrupted one and skip a needless hours-long one.
CREATE TABLE indicator_recompute (
    only_row    BOOLEAN PRIMARY KEY DEFAULT true CHECK (only_row),
    finished_at TIMESTAMPTZ NOT NULL
);
