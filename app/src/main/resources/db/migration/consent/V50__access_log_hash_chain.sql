-- The access log becomes tamper-evident: every entry carries its place in a hash chain.
--
-- One chain per province (access_log.province_code). Each entry's hash covers the previous entry's hash,
-- so changing, removing or slipping in an entry breaks every later link, and a chain head published
-- outside Tonkla pins the whole past. Why per province: a single chain would make every insert in the
-- country wait for the one before it to commit; per province, only accesses to children of the same
-- province queue, and a province's log can be handed to that province's auditors on its own.
--
--   seq       1, 2, 3 … without gaps within the chain
--   prev_hash the previous entry's hash; 32 zero bytes for seq 1
--   hash      sha256(prev_hash || access_log_canonical(entry))   (PostgreSQL's built-in sha256, no extension)
--
-- The canonical form (below, and again in Java in org.tonkla.consent.AccessLogVerifier, which must not
-- trust this function) is the UTF-8 bytes of "tonkla-access-log-v1," followed by each field in a fixed
-- order as "<byte length>:<value>," or "-," for NULL: a length prefix needs no escaping, an empty string
-- ("0:,") differs from NULL ("-,"), and no value can run into the next. Timestamps are UTC at microsecond
-- precision (2026-11-22T03:04:05.123456Z), UUIDs lower-case with hyphens, seq in decimal.

ALTER TABLE access_log ADD COLUMN seq BIGINT, ADD COLUMN prev_hash BYTEA, ADD COLUMN hash BYTEA;

-- PL/pgSQL rather than one SQL expression: an SQL function taking the row is not inlined into the
-- trigger and cost about 47 µs a call; this loop about 9 µs. octet_length counts bytes in the database's
-- encoding, so it is the UTF-8 length only in a UTF8 database; any other converts first.
CREATE FUNCTION access_log_canonical(e access_log) RETURNS BYTEA LANGUAGE plpgsql STABLE AS $$
DECLARE
    fields TEXT[] := ARRAY[e.seq::text, e.id::text,
        to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.province_code,
        e.child_id::text, e.user_id::text, e.username, e.display_name, e.role, e.agency_code, e.unit_id::text,
        e.action, e.purpose, e.detail];
    utf8 CONSTANT BOOLEAN := current_setting('server_encoding') = 'UTF8';
    s TEXT := 'tonkla-access-log-v1,';
    v TEXT;
BEGIN
    FOREACH v IN ARRAY fields LOOP
        s := s || CASE WHEN v IS NULL THEN '-,'
                       ELSE (CASE WHEN utf8 THEN octet_length(v) ELSE octet_length(convert_to(v, 'UTF8')) END)::text
                            || ':' || v || ',' END;
    END LOOP;
    RETURN convert_to(s, 'UTF8');
END $$;

-- Existing entries, chained in the order they happened (id breaks ties). The append-only trigger is off
-- for this backfill only, inside this migration's transaction: a failure rolls the switch back too.
ALTER TABLE access_log DISABLE TRIGGER access_log_no_update;
DO $$
DECLARE
    e access_log%ROWTYPE;
    chain TEXT := NULL;
    n BIGINT := 0;
    last BYTEA;
BEGIN
    FOR e IN SELECT * FROM access_log ORDER BY province_code, occurred_at, id LOOP
        IF chain IS DISTINCT FROM e.province_code THEN
            chain := e.province_code;
            n := 0;
            last := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
        END IF;
        n := n + 1;
        e.seq := n;
        e.prev_hash := last;
        e.hash := sha256(last || access_log_canonical(e));
        UPDATE access_log SET seq = e.seq, prev_hash = e.prev_hash, hash = e.hash WHERE id = e.id;
        last := e.hash;
    END LOOP;
END $$;
ALTER TABLE access_log ENABLE TRIGGER access_log_no_update;

ALTER TABLE access_log ALTER COLUMN seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL;
-- Finds a chain's last entry for the trigger, walks chains in order for the verifier, and, being unique,
-- turns a fork into an error: a writer whose snapshot missed the latest entry (REPEATABLE READ) would
-- compute an existing seq, and is refused instead of silently branching the chain.
CREATE UNIQUE INDEX access_log_chain_idx ON access_log (province_code, seq);

-- Appends to the chain. Whatever seq or hashes an INSERT supplies are overwritten. The advisory lock
-- (one key per province; two provinces sharing a hashtext value merely queue together) is held until
-- the inserting transaction ends, so the next writer of that chain, once it has the lock, sees this
-- entry committed. A statement that inserts many rows (AccessLog.recordAll) sees its own earlier rows.
CREATE FUNCTION access_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_seq BIGINT;
    last_hash BYTEA;
BEGIN
    PERFORM pg_advisory_xact_lock(1633907532, hashtext(NEW.province_code)); -- 1633907532: 'access log' chains
    SELECT seq, hash INTO last_seq, last_hash FROM access_log
     WHERE province_code = NEW.province_code ORDER BY seq DESC LIMIT 1;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
    NEW.hash := sha256(NEW.prev_hash || access_log_canonical(NEW));
    RETURN NEW;
END $$;
CREATE TRIGGER access_log_chain BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_chain();

-- TRUNCATE skips row triggers: refuse it as audit_event does.
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
