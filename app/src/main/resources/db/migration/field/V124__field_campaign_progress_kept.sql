-- The campaign page (issue 11 §7: under 300 ms of server time with the whole pilot) read every visit of the campaign
-- three times per view. What it shows is kept here instead, by triggers, as visits and their children are written
-- (by the OpenRosa intake, the offline web form and the pilot generator's COPY alike), so a view reads a few
-- thousand small rows however many visits there are.

-- Households per subdistrict × surveyor × day and outcome, and children newly registered on those visits.
CREATE TABLE field_progress_day (
    campaign_id      uuid NOT NULL REFERENCES field_campaign (id) ON DELETE CASCADE,
    subdistrict_code text NOT NULL,
    surveyor_id      uuid NOT NULL,
    visited_on       date NOT NULL,
    visited          integer NOT NULL DEFAULT 0 CHECK (visited >= 0),
    not_found        integer NOT NULL DEFAULT 0 CHECK (not_found >= 0),
    refused          integer NOT NULL DEFAULT 0 CHECK (refused >= 0),
    moved            integer NOT NULL DEFAULT 0 CHECK (moved >= 0),
    new_children     integer NOT NULL DEFAULT 0 CHECK (new_children >= 0),
    PRIMARY KEY (campaign_id, subdistrict_code, surveyor_id, visited_on)
);

-- Each child a campaign reached (found in the registry or registered), once however often it was visited.
CREATE TABLE field_campaign_reached (
    campaign_id   uuid NOT NULL REFERENCES field_campaign (id) ON DELETE CASCADE,
    child_id      uuid NOT NULL,
    district_code text NOT NULL,
    PRIMARY KEY (campaign_id, child_id)
);
CREATE INDEX field_campaign_reached_district ON field_campaign_reached (campaign_id, district_code);

CREATE FUNCTION field_visit_progress_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO field_progress_day AS p (campaign_id, subdistrict_code, surveyor_id, visited_on, visited, not_found,
                                         refused, moved)
    VALUES (NEW.campaign_id, NEW.subdistrict_code, NEW.surveyor_id, NEW.visited_on,
            (NEW.outcome = 'VISITED')::int, (NEW.outcome = 'NOT_FOUND')::int, (NEW.outcome = 'REFUSED')::int,
            (NEW.outcome = 'MOVED')::int)
    ON CONFLICT (campaign_id, subdistrict_code, surveyor_id, visited_on) DO UPDATE
       SET visited = p.visited + EXCLUDED.visited, not_found = p.not_found + EXCLUDED.not_found,
           refused = p.refused + EXCLUDED.refused, moved = p.moved + EXCLUDED.moved;
    RETURN NULL;
END $$;
CREATE TRIGGER field_visit_progress AFTER INSERT ON field_visit
    FOR EACH ROW EXECUTE FUNCTION field_visit_progress_count();

CREATE FUNCTION field_visit_child_progress_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v field_visit%ROWTYPE;
BEGIN
    IF NEW.child_id IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT * INTO v FROM field_visit WHERE id = NEW.visit_id;
    IF NEW.match = 'REGISTERED' THEN
        UPDATE field_progress_day SET new_children = new_children + 1
         WHERE campaign_id = v.campaign_id AND subdistrict_code = v.subdistrict_code AND surveyor_id = v.surveyor_id
           AND visited_on = v.visited_on;
    END IF;
    INSERT INTO field_campaign_reached (campaign_id, child_id, district_code)
    VALUES (v.campaign_id, NEW.child_id, substr(v.subdistrict_code, 1, 4))
    ON CONFLICT (campaign_id, child_id) DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER field_visit_child_progress AFTER INSERT ON field_visit_child
    FOR EACH ROW EXECUTE FUNCTION field_visit_child_progress_count();

-- The visits already received.
INSERT INTO field_progress_day (campaign_id, subdistrict_code, surveyor_id, visited_on, visited, not_found, refused, moved,
                                new_children)
SELECT v.campaign_id, v.subdistrict_code, v.surveyor_id, v.visited_on,
       count(*) FILTER (WHERE v.outcome = 'VISITED'), count(*) FILTER (WHERE v.outcome = 'NOT_FOUND'),
       count(*) FILTER (WHERE v.outcome = 'REFUSED'), count(*) FILTER (WHERE v.outcome = 'MOVED'),
       coalesce(sum((SELECT count(*) FROM field_visit_child c WHERE c.visit_id = v.id AND c.match = 'REGISTERED')), 0)
  FROM field_visit v
 GROUP BY v.campaign_id, v.subdistrict_code, v.surveyor_id, v.visited_on;
INSERT INTO field_campaign_reached (campaign_id, child_id, district_code)
SELECT DISTINCT ON (v.campaign_id, c.child_id) v.campaign_id, c.child_id, substr(v.subdistrict_code, 1, 4)
  FROM field_visit v JOIN field_visit_child c ON c.visit_id = v.id
 WHERE c.child_id IS NOT NULL
 ORDER BY v.campaign_id, c.child_id, v.visited_on;

-- The campaign's target per district (children 0-6 in the registry whose household is in the area), counted by a
-- background job every few minutes rather than on each view: the registry's children change slowly against a
-- campaign's weeks, and the page says when they were counted.
CREATE TABLE field_campaign_target (
    campaign_id   uuid NOT NULL REFERENCES field_campaign (id) ON DELETE CASCADE,
    district_code text NOT NULL,
    target        integer NOT NULL CHECK (target >= 0),
    counted_at    timestamptz NOT NULL,
    PRIMARY KEY (campaign_id, district_code)
);
