package org.tonkla.consent;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks the access log's hash chains (one per province, migration V50, sealed after the commit since V51) and
 * reads their heads. Verification recomputes every hash here, in Java, from the stored fields: the
 * database's own sealing function is not trusted to vouch for itself. Both first seal what has committed
 * unsealed ({@link AccessLogSealer}), so they cover every entry up to that moment.
 */
@Component
class AccessLogChains {

    static final HexFormat HEX = HexFormat.of();
    /** Rows per keyset page: memory stays flat however large the log is, and no long-lived cursor holds a snapshot. */
    static final int PAGE = 5_000;

    /** What is wrong at one entry. */
    enum Kind {
        /** The stored fields no longer give the stored hash: the entry was changed. */
        ALTERED,
        /** Sequence numbers skip: entries were deleted here. */
        MISSING,
        /** prev_hash is not the hash of the entry before: an entry was inserted, replaced or deleted before this one. */
        BROKEN_LINK,
        /** A published head no longer matches the chain: the chain was rewritten or cut short since. */
        HEAD_MISMATCH,
        /** Entries older than a minute are still outside the chain: their sealing is blocked (a lock held) or fails. */
        UNSEALED
    }

    /** One problem, located by chain (province code), seq and entry id (null when there is no entry to name). */
    record Problem(String chain, long seq, UUID entryId, Kind kind, String explanation) {
        @Override
        public String toString() {
            return "chain " + chain + " seq " + seq + (entryId == null ? "" : " entry " + entryId) + ": " + kind + " — "
                    + explanation;
        }
    }

    /** The last entry of one chain. */
    record Head(String chain, long seq, byte[] hash) {
        String hex() {
            return HEX.formatHex(hash);
        }
    }

    /** Receives problems as they are found and, now and then, how far the walk has come. */
    interface Listener {
        void problem(Problem problem);

        default void progress(long entriesChecked, long estimatedTotal) {}
    }

    /** The outcome of one walk. */
    record Summary(long entries, int chains, long problems) {
        boolean clean() {
            return problems == 0;
        }
    }

    private final JdbcClient jdbc;
    private final AccessLogSealer sealer;

    AccessLogChains(JdbcClient jdbc, AccessLogSealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    /**
     * Walks every chain (or only {@code onlyChain}, when not null) in seq order, page by page, and
     * reports each entry whose hash, link or seq is wrong. Cutting entries off a chain's end leaves no
     * trace inside the chain: {@link #checkPublished} against an earlier head finds that.
     */
    Summary verify(String onlyChain, Listener listener) {
        sealer.sealAll();
        long estimated = onlyChain == null ? estimatedEntries()
                : jdbc.sql("SELECT count(*) FROM access_log WHERE province_code = ?").param(onlyChain).query(Long.class).single();
        var walk = new Walk(listener, estimated);
        String afterChain = onlyChain == null ? "" : onlyChain;
        long afterSeq = onlyChain == null ? Long.MIN_VALUE : 0;
        while (true) {
            List<ChainedEntry> page = jdbc.sql("""
                    SELECT province_code, seq, id, occurred_at, child_id, user_id, username, display_name, role,
                           agency_code, unit_id, action, purpose, detail, prev_hash, hash
                    FROM access_log
                    WHERE seq IS NOT NULL AND (province_code, seq) > (:chain, :seq)
                      AND (CAST(:only AS text) IS NULL OR province_code = :only)
                    ORDER BY province_code, seq LIMIT :page""")
                    .param("chain", afterChain).param("seq", afterSeq).param("only", onlyChain).param("page", PAGE)
                    .query(AccessLogChains::entry).list();
            for (ChainedEntry e : page) walk.next(e);
            if (page.size() < PAGE) break;
            ChainedEntry last = page.getLast();
            afterChain = last.chain();
            afterSeq = last.seq();
        }
        listener.progress(walk.entries, walk.entries);
        long problems = walk.problems;
        for (var stuck : sealer.stuck().entrySet()) {
            if (onlyChain != null && !onlyChain.equals(stuck.getKey())) continue;
            problems++;
            listener.problem(new Problem(stuck.getKey(), 0, null, Kind.UNSEALED, stuck.getValue()
                    + " entries older than a minute are not sealed into the chain: a session holds its lock or an entry's"
                    + " row, or sealing fails (see the log); they are not covered by this check"));
        }
        return new Summary(walk.entries, walk.chains, problems);
    }

    /**
     * Compares heads published earlier with the chains now: each chain must still hold an entry at the
     * published seq with the published hash. Together with a clean {@link #verify}, that proves entries
     * 1…seq are the ones that were there when the head was published.
     */
    long checkPublished(List<Head> published, Listener listener) {
        long problems = 0;
        for (Head h : published) {
            Optional<byte[]> now = jdbc.sql("SELECT hash FROM access_log WHERE province_code = ? AND seq = ?")
                    .params(h.chain(), h.seq()).query(byte[].class).optional();
            if (now.isEmpty()) {
                problems++;
                listener.problem(new Problem(h.chain(), h.seq(), null, Kind.HEAD_MISMATCH,
                        "the published head's entry is gone: the chain was cut short or renumbered"));
            } else if (!Arrays.equals(now.get(), h.hash())) {
                problems++;
                listener.problem(new Problem(h.chain(), h.seq(), null, Kind.HEAD_MISMATCH,
                        "published hash " + h.hex() + ", now " + HEX.formatHex(now.get()) + ": the chain was rewritten"));
            }
        }
        return problems;
    }

    /**
     * The last entry of every chain, in chain order, read in one statement (one snapshot), after sealing what
     * has committed. Sealing commits synchronously, so read entries committed without waiting for the disk are
     * durable before their hash is published; the statement's own transaction id does the same for any sealed
     * by another node.
     */
    List<Head> heads() {
        sealer.sealAll();
        // A loose index scan over (province_code, seq): one index probe per chain, not a pass over the table.
        return jdbc.sql("""
                WITH RECURSIVE chains(code) AS (
                    SELECT min(province_code) FROM access_log
                    UNION ALL
                    SELECT (SELECT min(province_code) FROM access_log WHERE province_code > code) FROM chains WHERE code IS NOT NULL)
                SELECT c.code, l.seq, l.hash FROM (SELECT pg_current_xact_id()) durable, chains c
                CROSS JOIN LATERAL (SELECT seq, hash FROM access_log WHERE province_code = c.code AND seq IS NOT NULL
                                   ORDER BY seq DESC LIMIT 1) l
                WHERE c.code IS NOT NULL ORDER BY c.code""")
                .query((rs, i) -> new Head(rs.getString(1), rs.getLong(2), rs.getBytes(3))).list();
    }

    /**
     * One digest of all heads, to publish as one line: the SHA-256, in hex, of the UTF-8 text
     * {@code "tonkla-access-log-heads-v1\n"} followed by {@code "<chain> <seq> <hash hex>\n"} per chain in
     * chain order (as {@link #heads} returns them).
     */
    static String digest(List<Head> heads) {
        var text = new StringBuilder("tonkla-access-log-heads-v1\n");
        heads.stream().sorted(java.util.Comparator.comparing(Head::chain))
                .forEach(h -> text.append(h.chain()).append(' ').append(h.seq()).append(' ').append(h.hex()).append('\n'));
        return HEX.formatHex(ChainedEntry.sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private long estimatedEntries() {
        // The planner's estimate: count(*) would read the whole table just to say how large it is.
        Long n = jdbc.sql("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'access_log'::regclass")
                .query(Long.class).single();
        return n == null ? 0 : n;
    }

    private static ChainedEntry entry(ResultSet rs, int row) throws SQLException {
        return new ChainedEntry(rs.getString(1), rs.getLong(2), rs.getObject(3, UUID.class),
                rs.getObject(4, OffsetDateTime.class), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getObject(11, UUID.class),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getBytes(15), rs.getBytes(16));
    }

    /** The state of one walk: the entry before, per chain. */
    private static final class Walk {
        private final Listener listener;
        private final long estimated;
        private String chain;
        private long lastSeq;
        private byte[] lastHash;
        long entries;
        int chains;
        long problems;

        Walk(Listener listener, long estimated) {
            this.listener = listener;
            this.estimated = estimated;
        }

        void next(ChainedEntry e) {
            if (!e.chain().equals(chain)) {
                chain = e.chain();
                chains++;
                lastSeq = 0;
                lastHash = ChainedEntry.GENESIS;
            }
            byte[] expected;
            try {
                expected = e.expectedHash();
            } catch (java.time.DateTimeException unreadable) { // e.g. an 'infinity' time written behind the app's back
                expected = null;
            }
            if (expected == null) {
                report(e, Kind.ALTERED, "its time cannot be written in the canonical form: the entry was changed or forged");
            } else if (!Arrays.equals(expected, e.hash())) {
                report(e, Kind.ALTERED, "its fields do not give its stored hash: the entry was changed after it was written");
            }
            boolean linked = Arrays.equals(e.prevHash(), lastHash);
            if (e.seq() != lastSeq + 1) {
                String missing = e.seq() == lastSeq + 2 ? "seq " + (lastSeq + 1) : "seq " + (lastSeq + 1) + "–" + (e.seq() - 1);
                report(e, Kind.MISSING, missing + " missing before it: deleted"
                        + (linked ? "" : "; its prev_hash is not the hash of " + (lastSeq == 0 ? "the chain's start" : "seq " + lastSeq)));
            } else if (!linked) {
                report(e, Kind.BROKEN_LINK, "prev_hash is not the hash of " + (lastSeq == 0 ? "the chain's start" : "seq " + lastSeq)
                        + ": an entry before it was inserted, replaced or deleted");
            }
            lastSeq = e.seq();
            lastHash = e.hash();
            if (++entries % 100_000 == 0) listener.progress(entries, Math.max(estimated, entries));
        }

        private void report(ChainedEntry e, Kind kind, String explanation) {
            problems++;
            listener.problem(new Problem(e.chain(), e.seq(), e.id(), kind, explanation));
        }
    }

    /** Parses heads as {@code head --json} writes them (the {@code chains} array). */
    static List<Head> parseHeads(tools.jackson.databind.JsonNode json) {
        var heads = new ArrayList<Head>();
        for (var c : json.path("chains")) {
            heads.add(new Head(c.path("chain").asString(), c.path("seq").asLong(), HEX.parseHex(c.path("hash").asString())));
        }
        return heads;
    }
}
