-- The batch size a job was planned with. A checkpoint names a batch by its number, so a resumed run must cut
-- the files exactly as the first run did: with another size (a CLI run after a server run, or a changed
-- tonkla.exchange.batch-rows) batch n would be other rows, and rows would be skipped or loaded twice.
-- Jobs from before this column were planned with the default, 500.
ALTER TABLE f43_job ADD COLUMN batch_rows INTEGER CHECK (batch_rows > 0);
UPDATE f43_job SET batch_rows = 500;
ALTER TABLE f43_job ALTER COLUMN batch_rows SET NOT NULL;
