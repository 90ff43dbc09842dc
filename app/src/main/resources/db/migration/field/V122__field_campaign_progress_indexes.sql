-- The campaign page's progress (issue 11 §7: < 300 ms with the whole pilot loaded) groups a campaign's visits by
-- subdistrict, surveyor and day and counts outcomes: this index holds every column it reads, so it is an index-only
-- scan in group order instead of a scan of the visits' wide rows (household JSON, consent).
CREATE INDEX field_visit_progress ON field_visit (campaign_id, subdistrict_code, surveyor_id, visited_on, outcome)
    INCLUDE (id);
-- Children newly registered on a visit, per visit, without reading the other children found.
CREATE INDEX field_visit_child_registered ON field_visit_child (visit_id) WHERE match = 'REGISTERED';
-- Children reached per campaign (coverage): the visit's children that the registry found or registered.
CREATE INDEX field_visit_child_reached ON field_visit_child (visit_id, child_id) WHERE child_id IS NOT NULL;
