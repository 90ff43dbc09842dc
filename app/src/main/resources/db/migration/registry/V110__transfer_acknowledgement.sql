-- Issue 10 §3: a transfer waits for the receiving unit's acknowledgement. Until then the sender may undo it
-- (the child returns to the sending unit) and keeps read access to the child; once acknowledged or undone
-- it is settled, and only one of the two can happen.
ALTER TABLE transfer ADD COLUMN acknowledged_at TIMESTAMPTZ;
ALTER TABLE transfer ADD COLUMN acknowledged_by TEXT;
ALTER TABLE transfer ADD COLUMN undone_at TIMESTAMPTZ;
ALTER TABLE transfer ADD COLUMN undone_by TEXT;
-- Transfers made before acknowledgement existed count as acknowledged: nobody is waiting for them.
UPDATE transfer SET acknowledged_at = created_at, acknowledged_by = created_by;
ALTER TABLE transfer ADD CONSTRAINT transfer_settled_once CHECK (acknowledged_at IS NULL OR undone_at IS NULL);
ALTER TABLE transfer ADD CONSTRAINT transfer_acknowledged_by CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL));
ALTER TABLE transfer ADD CONSTRAINT transfer_undone_by CHECK ((undone_at IS NULL) = (undone_by IS NULL));
CREATE INDEX transfer_pending_idx ON transfer (child_id) WHERE acknowledged_at IS NULL AND undone_at IS NULL;
CREATE INDEX transfer_pending_from_idx ON transfer (from_unit_id) WHERE acknowledged_at IS NULL AND undone_at IS NULL;
