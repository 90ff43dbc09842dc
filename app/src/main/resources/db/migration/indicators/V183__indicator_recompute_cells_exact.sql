-- Whether the cells hold exactly the facts of the finished provinces' children (indicator_recompute_province), so that
-- a run cut off is resumed without rebuilding every cell from the facts (about twenty minutes with most of the country
-- computed). Made false when a bulk writer takes back a finished province (IndicatorRefresh.recomputeNeeded(province));
-- a child changed while the run was cut off (a dirty mark) also makes the resume rebuild.
ALTER TABLE indicator_recompute_run ADD COLUMN cells_exact BOOLEAN NOT NULL DEFAULT false;
