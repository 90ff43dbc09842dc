-- The whole country (issue 15 §4): the incremental refresh must cost what its batch touches, not what the tables hold.
-- Each batch ends with "DELETE FROM indicator_cell WHERE n = 0" and starts by taking the oldest dirty children;
-- without these two indexes both were scans of the whole table (millions of cells, a queue of millions at first
-- load), which made a full load quadratic. IF NOT EXISTS: they were added by hand to a running benchmark database.
CREATE INDEX IF NOT EXISTS indicator_cell_zero ON indicator_cell (year_ce) WHERE n = 0;
CREATE INDEX IF NOT EXISTS indicator_dirty_child_marked ON indicator_dirty_child (marked_at);
