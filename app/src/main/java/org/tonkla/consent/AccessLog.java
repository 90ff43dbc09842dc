package org.tonkla.consent;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;

/**
 * The append-only record of who read or wrote a child's data, for what purpose. The module that
 * owns the data writes an entry on every access; the guardian's page lists them. The database chains
 * each entry into its province's hash chain as it is inserted (migration V50), and holds that chain's
 * lock until the writing transaction ends: log last in a long transaction, as {@code ChildAccess.write} does.
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
     * {@code transfer}.
     */
    public void record(CurrentUser user, UUID childId, String provinceCode, Action action, String purpose, String detail) {
        UUID unitId = user.scope().unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
        // A read's entry is committed without waiting for the disk (set_config(..., true) is local to the
        // reader's transaction): an OS crash could lose the last fraction of a second of read entries, while
        // every read no longer waits for an fsync. Writes keep their synchronous commit with the data itself.
        jdbc.sql("""
                WITH commit_mode AS (SELECT set_config('synchronous_commit', CASE WHEN :action = 'READ' THEN 'off'
                                                       ELSE current_setting('synchronous_commit') END, true))
                INSERT INTO access_log (id, occurred_at, child_id, province_code, user_id, username, display_name, role,
                                        agency_code, unit_id, action, purpose, detail)
                SELECT :id, :at, :child, :province, :user, :username, :name, :role, :agency, :unit, :action, :purpose, :detail
                FROM commit_mode""")
                .param("id", UUID.randomUUID()).param("at", Timestamp.from(Instant.now(clock))).param("child", childId)
                .param("province", provinceCode).param("user", user.id()).param("username", user.username())
                .param("name", user.displayName()).param("role", user.role().name())
                .param("agency", user.scope().agencyCode()).param("unit", unitId).param("action", action.name())
                .param("purpose", purpose).param("detail", detail)
                .update();
    }

    /**
     * Logs one access to each child of a list the user was shown (a class roster, a work list, search
     * results), in one statement. Read entries, so committed like {@link #record}'s reads. Rows go in
     * province by province: each takes its chain's lock in the same order, so two lists cannot deadlock.
     */
    public void recordAll(CurrentUser user, List<UUID> childIds, List<String> provinceCodes, Action action,
            String purpose) {
        if (childIds.isEmpty()) return;
        UUID unitId = user.scope().unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
        jdbc.sql("""
                WITH commit_mode AS (SELECT set_config('synchronous_commit', CASE WHEN :action = 'READ' THEN 'off'
                                                       ELSE current_setting('synchronous_commit') END, true))
                INSERT INTO access_log (id, occurred_at, child_id, province_code, user_id, username, display_name, role,
                                        agency_code, unit_id, action, purpose)
                SELECT gen_random_uuid(), :at, x.child, x.province, :user, :username, :name, :role, :agency, :unit,
                       :action, :purpose
                FROM unnest(CAST(:children AS uuid[]), CAST(:provinces AS text[])) AS x(child, province), commit_mode
                ORDER BY x.province""")
                .param("at", Timestamp.from(Instant.now(clock))).param("user", user.id())
                .param("username", user.username()).param("name", user.displayName()).param("role", user.role().name())
                .param("agency", user.scope().agencyCode()).param("unit", unitId).param("action", action.name())
                .param("purpose", purpose)
                .param("children", childIds.toArray(UUID[]::new)).param("provinces", provinceCodes.toArray(String[]::new))
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
        return jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND username = ?")
                .params(childId, username).query(Long.class).single();
    }

    /**
     * As {@link #entriesFor(UUID, int)}, without the entries of {@code exceptUsername}: the family reads who else
     * opened the record, not a list filled with its own visits (issue 10 §8); null leaves out nobody.
     */
    public List<Entry> entriesFor(UUID childId, int limit, String exceptUsername) {
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
