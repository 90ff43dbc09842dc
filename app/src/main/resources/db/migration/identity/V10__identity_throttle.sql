-- Identity: a progressive delay instead of the 15-minute lock. One row per account ('user:<name>'),
-- client address ('addr:<ip>') or API client ('client:<id>') that failed recently; every node reads the
-- same rows, so the delay holds behind a load balancer.
DROP TABLE login_throttle;

CREATE TABLE login_delay (
    subject      TEXT PRIMARY KEY CHECK (length(subject) <= 200),
    failures     INT NOT NULL CHECK (failures > 0),
    last_failure TIMESTAMPTZ NOT NULL,
    next_allowed TIMESTAMPTZ
);

CREATE INDEX login_delay_forgotten ON login_delay (last_failure);
