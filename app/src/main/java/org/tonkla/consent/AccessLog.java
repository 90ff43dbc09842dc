package org.tonkla.consent;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;

/**
 * The append-only record of who read or wrote a child's data, for what purpose. The module that
 * owns the data writes an entry on every access; the guardian's page lists them. An entry is inserted
 * by the transaction that accesses the data (so none commits without it) and appended to its province's
 * hash chain just after, by {@link AccessLogSealer} (migrations V50, V51). Inside a transaction the entries
 * wait and go in together as its last statement ({@link Pending}).
 */
@Component
public class AccessLog {

    public enum Action { READ, WRITE }

    /** One access, as shown to the family. */
    public record Entry(Instant occurredAt, String username, String displayName, String role, String agencyCode,
            UUID unitId, Action action, String purpose, String detail) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<FamilyLogExceptions> exceptions;

    AccessLog(JdbcClient jdbc, Clock clock, List<FamilyLogExceptions> exceptions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.exceptions = List.copyOf(exceptions);
    }

    /**
     * Logs an access by {@code user} to {@code childId}. The unit is the user's own service unit when
     * their scope is one; the purpose is a short code such as {@code care}, {@code screening} or
     * {@code transfer}. Inside a transaction the entry is written just before it commits (see {@link Pending}).
     */
    public void record(CurrentUser user, UUID childId, String provinceCode, Action action, String purpose, String detail) {
        write(List.of(entry(user, Instant.now(clock), childId, provinceCode, action, purpose, detail)));
    }

    /**
     * Logs one access to each child of a list the user was shown (a class roster, a work list, search
     * results), in one statement. Read entries, so committed like {@link #record}'s reads.
     */
    public void recordAll(CurrentUser user, List<UUID> childIds, List<String> provinceCodes, Action action,
            String purpose) {
        if (childIds.isEmpty()) return;
        Instant at = Instant.now(clock);
        var entries = new ArrayList<Row>(childIds.size());
        for (int i = 0; i < childIds.size(); i++) {
            entries.add(entry(user, at, childIds.get(i), provinceCodes.get(i), action, purpose, null));
        }
        write(entries);
    }

    private static Row entry(CurrentUser user, Instant at, UUID childId, String provinceCode, Action action,
            String purpose, String detail) {
        UUID unitId = user.scope().unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
        return new Row(at, childId, provinceCode, user.id(), user.username(), user.displayName(), user.role().name(),
                user.scope().agencyCode(), unitId, action, purpose, detail);
    }

    /** One entry to write; its seq and hashes are given when it is sealed (migration V51). */
    private record Row(Instant at, UUID child, String province, UUID user, String username, String name, String role,
            String agency, UUID unit, Action action, String purpose, String detail) {}

    /**
     * Entries logged inside a transaction wait here and are written by its last statement, in {@code beforeCommit},
     * all in one insert. A failed insert still fails the commit, so no access commits without its entry; a
     * transaction that rolls back writes none. Anything that reads the log first writes what is pending
     * ({@link #flush}). (Until V51 the insert also took the province chain's lock, which this kept short.)
     */
    private final class Pending implements TransactionSynchronization {
        final List<Row> rows = new ArrayList<>();

        AccessLog owner() {
            return AccessLog.this;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flushRows(this);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE; // after every other beforeCommit: entries they log are included
        }
    }

    private void write(List<Row> entries) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            insert(entries);
            return;
        }
        pending(true).rows.addAll(entries);
    }

    /** This transaction's waiting entries (not those of a suspended outer one), created on demand. */
    private Pending pending(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) return null;
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.owner() == this) return p;
        }
        if (!create) return null;
        Pending p = new Pending();
        TransactionSynchronizationManager.registerSynchronization(p);
        return p;
    }

    /** Writes the entries this transaction logged so far, so a read of the log in it sees them. */
    private void flush() {
        Pending p = pending(false);
        if (p != null) flushRows(p);
    }

    private void flushRows(Pending p) {
        if (p.rows.isEmpty()) return;
        var rows = List.copyOf(p.rows);
        p.rows.clear();
        insert(rows);
    }

    /**
     * One statement for all entries, unsealed (the sealer chains them). A read's entry is committed without
     * waiting for the disk (set_config(..., true) is local to the reader's transaction): an OS crash could lose the
     * last fraction of a second of read entries, while every read no longer waits for an fsync; sealing commits
     * synchronously. A transaction that logs a write keeps its synchronous commit with the data itself.
     */
    private void insert(List<Row> rows) {
        boolean readsOnly = rows.stream().allMatch(r -> r.action() == Action.READ);
        int n = rows.size();
        var ids = new UUID[n];
        var at = new Timestamp[n];
        var children = new UUID[n];
        var provinces = new String[n];
        var users = new UUID[n];
        var usernames = new String[n];
        var names = new String[n];
        var roles = new String[n];
        var agencies = new String[n];
        var units = new UUID[n];
        var actions = new String[n];
        var purposes = new String[n];
        var details = new String[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            ids[i] = UUID.randomUUID();
            at[i] = Timestamp.from(r.at());
            children[i] = r.child();
            provinces[i] = r.province();
            users[i] = r.user();
            usernames[i] = r.username();
            names[i] = r.name();
            roles[i] = r.role();
            agencies[i] = r.agency();
            units[i] = r.unit();
            actions[i] = r.action().name();
            purposes[i] = r.purpose();
            details[i] = r.detail();
        }
        jdbc.sql("""
                WITH commit_mode AS (SELECT set_config('synchronous_commit', CASE WHEN :reads THEN 'off'
                                                       ELSE current_setting('synchronous_commit') END, true))
                INSERT INTO access_log (id, occurred_at, child_id, province_code, user_id, username, display_name, role,
                                        agency_code, unit_id, action, purpose, detail)
                SELECT x.id, x.at, x.child, x.province, x.usr, x.username, x.name, x.role, x.agency, x.unit, x.action,
                       x.purpose, x.detail
                FROM unnest(CAST(:ids AS uuid[]), CAST(:at AS timestamptz[]), CAST(:children AS uuid[]),
                            CAST(:provinces AS text[]), CAST(:users AS uuid[]), CAST(:usernames AS text[]),
                            CAST(:names AS text[]), CAST(:roles AS text[]), CAST(:agencies AS text[]),
                            CAST(:units AS uuid[]), CAST(:actions AS text[]), CAST(:purposes AS text[]),
                            CAST(:details AS text[]))
                       AS x(id, at, child, province, usr, username, name, role, agency, unit, action, purpose, detail),
                     commit_mode""")
                .param("reads", readsOnly).param("ids", ids).param("at", at).param("children", children)
                .param("provinces", provinces).param("users", users).param("usernames", usernames).param("names", names)
                .param("roles", roles).param("agencies", agencies).param("units", units).param("actions", actions)
                .param("purposes", purposes).param("details", details)
                .update();
    }

    /**
     * Accesses to one child as the family is shown them, newest first: without the entries a
     * {@link FamilyLogExceptions} withholds for now (child protection).
     */
    public List<Entry> entriesFor(UUID childId, int limit) {
        return entriesFor(childId, limit, null);
    }

    /** How many times {@code username} opened the child's record. */
    public long countBy(UUID childId, String username) {
        flush();
        return jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND username = ?")
                .params(childId, username).query(Long.class).single();
    }

    /**
     * As {@link #entriesFor(UUID, int)}, without the entries of {@code exceptUsername}: the family reads who else
     * opened the record, not a list filled with its own visits (issue 10 §8); null leaves out nobody.
     */
    public List<Entry> entriesFor(UUID childId, int limit, String exceptUsername) {
        flush();
        var hidden = exceptions.stream().map(e -> e.withheld(childId)).reduce(x -> false, java.util.function.Predicate::or);
        return jdbc.sql("""
                SELECT occurred_at, username, display_name, role, agency_code, unit_id, action, purpose, detail
                FROM access_log WHERE child_id = ? AND (CAST(? AS text) IS NULL OR username <> ?)
                ORDER BY occurred_at DESC LIMIT ?""")
                .params(childId, exceptUsername, exceptUsername, limit)
                .query((rs, i) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class), Action.valueOf(rs.getString(7)),
                        rs.getString(8), rs.getString(9)))
                .list().stream().filter(hidden.negate()).toList();
    }
}
