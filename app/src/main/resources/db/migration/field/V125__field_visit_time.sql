-- The day a home visit was made (form version 2026113001 carries the phone's start and end times): visited_on is that
-- day in Thai time, or the day received when the form states no time or one not believed. The receipt stays in
-- field_submission.received_at.

-- The time the form stated (its end, else its start), kept as stated even when it was not believed.
ALTER TABLE field_visit ADD COLUMN visited_at timestamptz;
-- Why the stated time was not used and the visit was counted on the day received: ahead of the server's clock, before
-- the campaign started, or before a child of the visit was born (the phone's clock or a date of birth is wrong).
ALTER TABLE field_visit ADD COLUMN visit_time_problem text
    CHECK (visit_time_problem IN ('FUTURE', 'BEFORE_CAMPAIGN', 'BEFORE_BIRTH'));
ALTER TABLE field_visit ADD CONSTRAINT field_visit_time_problem_stated
    CHECK (visit_time_problem IS NULL OR visited_at IS NOT NULL);
-- The campaign page says how many visits of the campaign had a time not believed.
CREATE INDEX field_visit_time_problem ON field_visit (campaign_id, surveyor_id) WHERE visit_time_problem IS NOT NULL;

-- Progress per day (field V124) is counted by insert triggers under the visit's day, surveyor, subdistrict and
-- outcome: a visit changed in any of those afterwards would leave it counted under the old ones. Nothing changes them;
-- the schema says so.
CREATE FUNCTION field_visit_counted_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.campaign_id, NEW.subdistrict_code, NEW.surveyor_id, NEW.visited_on, NEW.outcome)
       IS DISTINCT FROM (OLD.campaign_id, OLD.subdistrict_code, OLD.surveyor_id, OLD.visited_on, OLD.outcome) THEN
        RAISE EXCEPTION 'field_visit: the counted day, surveyor, subdistrict and outcome of a visit do not change'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER field_visit_counted_unchanged BEFORE UPDATE ON field_visit
    FOR EACH ROW EXECUTE FUNCTION field_visit_counted_unchanged();
