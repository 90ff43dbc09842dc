-- The whole country (issue 15 §4): the dashboards' sums (the country per province, a province per district, and the
-- country's total each province page compares with) read every row of a year and fact, ~15,000 for the country. With
-- the cells' count in the index they are index-only scans instead of ~15,000 heap fetches scattered over the table.
CREATE INDEX indicator_area_cell_sums ON indicator_area_cell (year_ce, fact, province_code, district_code) INCLUDE (n);
