-- Issue 10 §8: a child's name is found with or without tone and other above-line marks ("นำใส" finds "น้ำใส"),
-- as the directory finds unit names (V30): U+0E47..U+0E4E removed, Latin letters lower-cased. The registry's own
-- function, so the registry's schema does not depend on another module's.
CREATE FUNCTION registry_plain(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
    lower(translate($1, U&'\0E47\0E48\0E49\0E4A\0E4B\0E4C\0E4D\0E4E', ''));
ALTER TABLE child ADD COLUMN name_plain TEXT
    GENERATED ALWAYS AS (registry_plain(given_name_th || ' ' || family_name_th)) STORED;
CREATE INDEX child_name_plain_trgm ON child USING gin (name_plain gin_trgm_ops);
