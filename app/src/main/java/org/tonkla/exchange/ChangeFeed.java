package org.tonkla.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.InvalidInput;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.ChildId;

/**
 * The change feed partner systems pull ({@code GET /api/v1/changes}): which FHIR resources were created,
 * updated or deleted since a cursor, in the caller's scope. The rows come from {@code exchange_change}
 * (migration V81, filled by triggers); only rows of transactions that have ended are handed out, ordered
 * by (transaction id, sequence), so a reader that follows {@link Page#next} misses none and repeats none
 * whatever the concurrent writers do. A change of a child the caller may not reach is skipped, not shown;
 * the cursor still moves past it.
 */
@Component
public class ChangeFeed {

    /** The cursor before every change. */
    public static final String START = "0.0";
    /** At most this many rows are looked at per request, so a caller who reaches few children still gets an answer. */
    private static final int SCAN = 5000;

    public record Change(String resourceType, String id, String kind, Instant changedAt, String cursor) {}

    /** Changes after the cursor asked for, and the cursor to ask with next ({@code more}: ask again at once). */
    public record Page(List<Change> changes, String next, boolean more) {}

    private record Row(String tx, long seq, String type, String id, UUID child, String kind, Instant at) {
        String cursor() {
            return tx + "." + seq;
        }
    }

    private final JdbcClient jdbc;
    private final ChildAccess access;

    ChangeFeed(JdbcClient jdbc, ChildAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * Up to {@code limit} changes after {@code cursor} that {@code user} may see.
     *
     * @throws InvalidInput naming {@code since} (not a cursor of this feed) or {@code limit} (not 1–1000)
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true,
            isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Page since(String cursor, int limit, CurrentUser user) {
        // One snapshot for the whole read: the rows seen and pg_current_snapshot() in the filter must be the same
        // snapshot. Under READ COMMITTED each statement (and, with the extended protocol, its planning) may take
        // its own, and a row of a transaction that ended between two of them was handed out before the rows of
        // a still-invisible earlier transaction (ChangeFeedTest saw tx 1000 before 997 and 998, then again).
        if (limit < 1 || limit > 1000) throw new InvalidInput("limit", "1 to 1000");
        String[] at = parse(cursor == null || cursor.isBlank() ? START : cursor.strip());
        Map<UUID, Boolean> reach = new HashMap<>();
        List<Change> out = new ArrayList<>();
        String next = at[0] + "." + at[1];
        int scanned = 0;
        while (scanned < SCAN) {
            List<Row> rows = jdbc.sql("""
                    SELECT tx::text, seq, resource_type, resource_id, child_id, kind, changed_at FROM exchange_change
                     WHERE (tx, seq) > (CAST(:tx AS text)::xid8, :seq)
                       AND tx < pg_snapshot_xmin(pg_current_snapshot())
                     ORDER BY tx, seq LIMIT :n""")
                    .param("tx", at[0]).param("seq", Long.parseLong(at[1])).param("n", 500)
                    .query((rs, i) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, UUID.class), rs.getString(6), rs.getTimestamp(7).toInstant()))
                    .list();
            if (rows.isEmpty()) return new Page(out, next, false);
            for (Row row : rows) {
                boolean shown = reach.computeIfAbsent(row.child(), c -> access.mayAccess(user, new ChildId(c)));
                // A full page stops before the next row it would show: that row is the first of the next page.
                if (shown && out.size() == limit) return new Page(out, next, true);
                scanned++;
                next = row.cursor();
                if (shown) out.add(new Change(row.type(), row.id(), row.kind(), row.at(), next));
            }
            at = parse(next);
        }
        return new Page(out, next, true);
    }

    /** When the resource last changed, if the feed knows it. */
    public Optional<Instant> lastUpdated(String resourceId) {
        return jdbc.sql("SELECT max(changed_at) FROM exchange_change WHERE resource_id = ?").param(resourceId)
                .query((rs, i) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).optional();
    }

    /** The child a resource (an Observation, Immunization or RelatedPerson id) belongs to, if the feed knows it. */
    public Optional<ChildId> childOf(String resourceId) {
        return jdbc.sql("SELECT child_id FROM exchange_change WHERE resource_id = ? ORDER BY seq DESC LIMIT 1")
                .param(resourceId).query(UUID.class).optional().map(ChildId::new);
    }

    private static String[] parse(String cursor) {
        if (!cursor.matches("\\d{1,19}\\.\\d{1,18}")) throw new InvalidInput("since", "a cursor this feed answered");
        return cursor.split("\\.");
    }
}
