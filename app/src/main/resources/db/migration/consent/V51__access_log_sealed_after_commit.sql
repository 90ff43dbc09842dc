-- The access log's hash chains (V50) are now extended after the entries commit, not inside the reader's
-- transaction. Why: the V50 trigger took the province chain's lock at the insert and kept it until the
-- reader's commit, so every read of a province's children queued behind the one before it, JVM round trip
-- included: under load all of Khon Kaen's record-API calls ran one at a time through that lock (issue 15 §4,
-- bench/README.md "The chain is sealed after the commit").
--
-- Now an entry is inserted unsealed (seq, prev_hash and hash NULL) in the transaction that reads or writes the
-- data, so no access commits without its entry, as before. A sealer (AccessLogSealer, every second, and before
-- every verification or published head) appends committed unsealed entries of a province to its chain with
-- access_log_seal: the same lock, seq, links and hash as V50, in the order the entries occurred. An entry
-- stays unsealed for about a second; that is the window in which a change to it behind the application's
-- back would go unnoticed.

DROP TRIGGER access_log_chain ON access_log;
DROP FUNCTION access_log_chain();

ALTER TABLE access_log ALTER COLUMN seq DROP NOT NULL, ALTER COLUMN prev_hash DROP NOT NULL,
    ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE access_log ADD CONSTRAINT access_log_sealed_whole
    CHECK ((seq IS NULL) = (prev_hash IS NULL) AND (seq IS NULL) = (hash IS NULL));
-- Times a canonical form can carry (an 'infinity' entry made the verifier fail on every chain); NOT VALID: checked
-- for new entries without reading the whole log.
ALTER TABLE access_log ADD CONSTRAINT access_log_time_plausible
    CHECK (occurred_at > '2000-01-01' AND occurred_at < '2200-01-01') NOT VALID;
-- What the sealer looks for; empty again a second later, so it stays small.
CREATE INDEX access_log_unsealed_idx ON access_log (province_code, occurred_at, id) WHERE seq IS NULL;

-- An entry arrives unsealed whatever the writer supplies: only access_log_seal places entries in a chain.
CREATE FUNCTION access_log_arrives_unsealed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.seq := NULL;
    NEW.prev_hash := NULL;
    NEW.hash := NULL;
    RETURN NEW;
END $$;
CREATE TRIGGER access_log_unsealed BEFORE INSERT ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_arrives_unsealed();

-- Still append-only: the one change an entry takes is its seal, once, with every other field unchanged, and only a
-- seal that continues its chain: the next seq, the head's hash as prev_hash, and the entry's own hash. So a role that
-- may UPDATE the table cannot park an entry at a made-up seq (which would stop the province's sealing) or break a
-- link; the seal it could write is exactly the one access_log_seal would. The lock is the sealer's (re-entrant for it).
CREATE FUNCTION access_log_only_sealed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_seq BIGINT;
    last_hash BYTEA;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
       AND (NEW.id, NEW.occurred_at, NEW.child_id, NEW.province_code, NEW.user_id, NEW.username, NEW.display_name,
            NEW.role, NEW.agency_code, NEW.unit_id, NEW.action, NEW.purpose, NEW.detail)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.occurred_at, OLD.child_id, OLD.province_code, OLD.user_id, OLD.username, OLD.display_name,
            OLD.role, OLD.agency_code, OLD.unit_id, OLD.action, OLD.purpose, OLD.detail) THEN
        PERFORM pg_advisory_xact_lock(1633907532, hashtext(NEW.province_code));
        SELECT l.seq, l.hash INTO last_seq, last_hash FROM access_log l
         WHERE l.province_code = NEW.province_code AND l.seq IS NOT NULL ORDER BY l.seq DESC LIMIT 1;
        IF NEW.seq = coalesce(last_seq, 0) + 1
           AND NEW.prev_hash = coalesce(last_hash, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea)
           AND NEW.hash = sha256(NEW.prev_hash || access_log_canonical(NEW)) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'access_log: a seal must continue its chain (seq %, the head''s hash, the entry''s own hash)',
            coalesce(last_seq, 0) + 1;
    END IF;
    RAISE EXCEPTION 'access_log is append-only (an entry may only be sealed into its chain, once)';
END $$;
DROP TRIGGER access_log_no_update ON access_log;
CREATE TRIGGER access_log_no_update BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_only_sealed();

-- Seals up to max_entries committed unsealed entries of one province, oldest first, and says how many. The
-- advisory lock is V50's (one key per province), held to the end of the sealing transaction; whoever takes it next
-- reads the chain's new head in a fresh snapshot (READ COMMITTED). The unique index on (province_code, seq) still
-- turns any fork into an error.
CREATE FUNCTION access_log_seal(province TEXT, max_entries INT) RETURNS INT LANGUAGE plpgsql AS $$
DECLARE
    last_seq BIGINT;
    last_hash BYTEA;
    e access_log%ROWTYPE;
    n INT := 0;
BEGIN
    -- Another sealer (another node), or anyone else holding the key, has the chain: leave it to them this round
    -- rather than wait (a session holding the key must not stall the sealing of every province behind it); -1 says so.
    IF NOT pg_try_advisory_xact_lock(1633907532, hashtext(province)) THEN
        RETURN -1;
    END IF;
    -- Nor may a row lock on one unsealed entry: fail this province's round (the sealer logs it) after two seconds.
    PERFORM set_config('lock_timeout', '2s', true);
    SELECT l.seq, l.hash INTO last_seq, last_hash FROM access_log l
     WHERE l.province_code = province AND l.seq IS NOT NULL ORDER BY l.seq DESC LIMIT 1;
    last_seq := coalesce(last_seq, 0);
    last_hash := coalesce(last_hash, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
    FOR e IN SELECT * FROM access_log l WHERE l.province_code = province AND l.seq IS NULL
             ORDER BY l.occurred_at, l.id LIMIT max_entries LOOP
        last_seq := last_seq + 1;
        e.seq := last_seq;
        e.prev_hash := last_hash;
        e.hash := sha256(last_hash || access_log_canonical(e));
        UPDATE access_log SET seq = e.seq, prev_hash = e.prev_hash, hash = e.hash WHERE id = e.id;
        last_hash := e.hash;
        n := n + 1;
    END LOOP;
    RETURN n;
END $$;
