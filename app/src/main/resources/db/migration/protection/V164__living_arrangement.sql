-- Issue 17 §1: the child's living arrangement as the screener or the home visit found it (the categories the Bangkok
-- pilot and MICS use: with both parents, one parent, grandparents, other relatives or others, an institution).
-- Optional: a screening may record none, and the whole-child view shows the latest recorded.
ALTER TABLE protection_screening ADD COLUMN living_arrangement text
    CHECK (living_arrangement IN ('BOTH_PARENTS', 'ONE_PARENT', 'GRANDPARENTS', 'OTHERS', 'INSTITUTION'));
CREATE INDEX protection_screening_living ON protection_screening (child_id, recorded_at)
    WHERE living_arrangement IS NOT NULL;
