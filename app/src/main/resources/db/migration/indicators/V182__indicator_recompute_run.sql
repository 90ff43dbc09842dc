-- A bulk recompute under way (IndicatorRefresh.recomputeAll), from its first transaction until it finishes, cut-off
-- runs included: every process sees it, and no refresher changes facts or cells meanwhile (a refresher on a server
-- started after a cut-off `generate` would subtract facts never added, or add facts the resume then counts again).
-- started_on is the day the run began: once it finishes, the nightly pass looks for changes from that day on.
CREATE TABLE indicator_recompute_run (
    only_row   BOOLEAN PRIMARY KEY DEFAULT true CHECK (only_row),
    started_on DATE NOT NULL
);
