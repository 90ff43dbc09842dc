-- The day of the last nightly pass (NightlyRefresh): the next one marks dirty only the children whose facts changed
-- with the days since (a key age or birthday reached, a referral's due day passed), or everyone in a new year. Before,
-- every child was marked every night: hours of refreshing at the country's scale for a few thousand changes.
CREATE TABLE indicator_nightly (
    only_row BOOLEAN PRIMARY KEY DEFAULT true CHECK (only_row),
    last_day DATE NOT NULL
);
