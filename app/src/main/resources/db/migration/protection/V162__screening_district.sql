-- Issue 17: planning counts of vulnerable children by district. The district is the screener's (where the child was
-- seen, as a concern is routed); screenings recorded before have none and count under "district not recorded".
ALTER TABLE protection_screening ADD COLUMN district_code text;
CREATE INDEX protection_screening_province ON protection_screening (province_code, child_id, recorded_at);
