-- Record linkage (issue 14 point 2, THAI-RULES §8): pairs of registry records that may be one child. A pair is
-- waiting for review (REVIEW), merged (MERGED: the duplicate record child_b is the same child as child_a, kept),
-- rejected after review (REJECTED) or merged and then undone (UNMERGED). Merging links, it moves no entry: each
-- record keeps its rows, so unmerging restores exactly what was there. Children with the same valid national ID
-- are never two records (registry: child.national_id_hash is unique), so that part of linkage is the registry's.
CREATE TABLE linkage_pair (
    id            UUID PRIMARY KEY,
    child_a       UUID NOT NULL REFERENCES child (id),
    child_b       UUID NOT NULL REFERENCES child (id),
    score         NUMERIC(6, 2) NOT NULL,
    evidence      TEXT NOT NULL, -- which fields agreed, with their weights; never the values
    status        TEXT NOT NULL CHECK (status IN ('REVIEW', 'MERGED', 'REJECTED', 'UNMERGED')),
    automatic     BOOLEAN NOT NULL DEFAULT FALSE,
    revision      INT NOT NULL DEFAULT 0,
    province_code VARCHAR(2) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    decided_by    TEXT,
    decided_at    TIMESTAMPTZ,
    CHECK (child_a <> child_b),
    CHECK (status = 'REVIEW' OR decided_at IS NOT NULL)
);
-- One open question or link per pair, whichever way round; a record is merged into at most one other.
CREATE UNIQUE INDEX linkage_pair_open_idx ON linkage_pair (least(child_a, child_b), greatest(child_a, child_b))
    WHERE status IN ('REVIEW', 'MERGED');
CREATE UNIQUE INDEX linkage_pair_merged_idx ON linkage_pair (child_b) WHERE status = 'MERGED';
CREATE INDEX linkage_pair_review_idx ON linkage_pair (province_code) WHERE status = 'REVIEW';
CREATE INDEX linkage_pair_child_a_idx ON linkage_pair (child_a) WHERE status = 'MERGED';

-- Every decision, append-only: who, when, from which state to which, and why.
CREATE TABLE linkage_event (
    id          UUID PRIMARY KEY,
    pair_id     UUID NOT NULL REFERENCES linkage_pair (id),
    action      TEXT NOT NULL CHECK (action IN ('QUEUED', 'AUTO_MERGED', 'MERGED', 'REJECTED', 'UNMERGED')),
    actor       TEXT NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    note        TEXT
);
CREATE INDEX linkage_event_pair_idx ON linkage_event (pair_id, occurred_at);
CREATE TRIGGER linkage_event_no_update BEFORE UPDATE OR DELETE ON linkage_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

-- Two different valid national IDs are never merged: two records that each hold a national ID are two children
-- (the registry keeps one record per ID), whatever the scores say and whoever asks.
CREATE FUNCTION linkage_two_ids_never_merge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'MERGED' AND (SELECT count(*) FROM child
                                   WHERE id IN (NEW.child_a, NEW.child_b) AND national_id_hash IS NOT NULL) = 2 THEN
        RAISE EXCEPTION 'two records with different national IDs are never merged' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER linkage_two_ids_never_merge BEFORE INSERT OR UPDATE ON linkage_pair
    FOR EACH ROW EXECUTE FUNCTION linkage_two_ids_never_merge();
