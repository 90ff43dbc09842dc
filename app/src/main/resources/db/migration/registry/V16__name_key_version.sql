-- Which version of core's Thai name-key algorithms made the stored child.name_key_* values, so a start-up
-- after a change recomputes them (NameKeyRecompute). One row.
CREATE TABLE registry_name_key_version (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    version   TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
