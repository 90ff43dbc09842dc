package org.tonkla.consent;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention per data category: {@code tonkla.retention.<CATEGORY>=<ISO period>} (e.g. {@code PHOTOS=P3Y}) says
 * how long data of that category is kept after it was recorded. A daily job ({@code tonkla.retention.cron},
 * 02:30 Bangkok) removes what is older, through the modules that own the data ({@link Expiry}), and writes
 * a report of each removal. The access log is never removed: it is the evidence of who read what.
 *
 * <p>With several nodes one runs it: a scheduled run claims its day in {@code retention_run} and holds a
 * PostgreSQL advisory lock while it works.
 */
@Component
@EnableScheduling
public class Retention {

    /**
     * The default periods: only child photos, 3 years after they were taken (unverified: no Thai rule for
     * children's photos in early-childhood records was found; PDPA asks only "no longer than necessary").
     * Categories without a period are kept.
     */
    public static final Map<DataCategory, Period> DEFAULTS = Map.of(DataCategory.PHOTOS, Period.ofYears(3));

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final long LOCK = 0x746f6e6b6c61L; // "tonkla": the advisory lock of the retention job

    /** What a module removes of one category: everything recorded before {@code cutoff}. */
    public interface Expiry {
        DataCategory category();

        /** Removes (or replaces) what was kept since before {@code cutoff}; returns what it removed. */
        List<Removed> expire(Instant cutoff, Instant now);
    }

    /** One thing removed: of which child, what (e.g. {@code child photo}), a detail without personal data. */
    public record Removed(UUID childId, String provinceCode, String what, String detail, Instant keptSince) {}

    /** One run of the job, with what it removed. */
    public record Run(UUID id, LocalDate runOn, boolean scheduled, Instant startedAt, Instant finishedAt, String rules,
            int removedCount, List<Removal> removals) {}

    public record Removal(DataCategory category, UUID childId, String what, String detail, Instant keptSince,
            Instant removedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<Expiry> expiries;
    private final Map<DataCategory, Period> periods;

    Retention(JdbcClient jdbc, Clock clock, List<Expiry> expiries, Environment env) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.expiries = expiries;
        this.periods = periods(Binder.get(env).bind("tonkla.retention", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
    }

    /** The periods in force: the defaults overridden by configuration ({@code none} keeps a category). */
    static Map<DataCategory, Period> periods(Map<String, String> configured) {
        Map<DataCategory, Period> out = new EnumMap<>(DataCategory.class);
        out.putAll(DEFAULTS);
        configured.forEach((key, value) -> {
            DataCategory category;
            try {
                category = DataCategory.valueOf(key.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return; // cron and other settings
            }
            if (value == null || value.isBlank() || value.equalsIgnoreCase("none")) out.remove(category);
            else out.put(category, Period.parse(value.strip()));
        });
        return out;
    }

    public Map<DataCategory, Period> periods() {
        return Map.copyOf(periods);
    }

    /** The daily run; skipped when another node claimed today already. */
    @Scheduled(cron = "${tonkla.retention.cron:0 30 2 * * *}", zone = "Asia/Bangkok")
    public void daily() {
        try {
            run(true).ifPresent(r -> LOG.info("Retention run {}: {} removed", r.id(), r.removedCount()));
        } catch (RuntimeException e) {
            LOG.error("Retention run failed; it runs again tomorrow", e);
        }
    }

    /**
     * Applies the periods now. A scheduled run claims its day first (empty when another node did); a run by
     * hand ({@code scheduled} false) runs whenever no other run holds the lock.
     */
    @Transactional
    public Optional<Run> run(boolean scheduled) {
        Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
        if (!Boolean.TRUE.equals(locked)) return Optional.empty();
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        UUID id = UUID.randomUUID();
        int claimed = jdbc.sql("""
                INSERT INTO retention_run (id, run_on, scheduled, started_at, rules) VALUES (?,?,?,?,?)
                ON CONFLICT DO NOTHING""")
                .params(id, today, scheduled, Timestamp.from(now), periods.toString()).update();
        if (claimed == 0) return Optional.empty();
        int count = 0;
        for (Expiry expiry : expiries) {
            Period period = periods.get(expiry.category());
            if (period == null) continue;
            Instant cutoff = now.atZone(clock.getZone()).minus(period).toInstant();
            for (Removed r : expiry.expire(cutoff, now)) {
                jdbc.sql("""
                        INSERT INTO retention_removal (id, run_id, category, child_id, province_code, what, detail, kept_since,
                                                       removed_at) VALUES (?,?,?,?,?,?,?,?,?)""")
                        .params(UUID.randomUUID(), id, expiry.category().name(), r.childId(), r.provinceCode(), r.what(),
                                r.detail(), r.keptSince() == null ? null : Timestamp.from(r.keptSince()), Timestamp.from(now))
                        .update();
                count++;
            }
        }
        jdbc.sql("UPDATE retention_run SET finished_at = ?, removed_count = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now(clock)), count, id).update();
        return runs("WHERE id = ?", id, 1).stream().findFirst();
    }

    /** The latest runs with what each removed, newest first. */
    public List<Run> runs(int limit) {
        return runs("WHERE CAST(? AS uuid) IS NULL", null, limit);
    }

    private List<Run> runs(String where, UUID id, int limit) {
        return jdbc.sql("SELECT id, run_on, scheduled, started_at, finished_at, rules, removed_count FROM retention_run "
                        + where + " ORDER BY started_at DESC LIMIT ?")
                .params(id, limit)
                .query((rs, i) -> new Run(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(), rs.getBoolean(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getString(6), rs.getInt(7), removals(rs.getObject(1, UUID.class))))
                .list();
    }

    private List<Removal> removals(UUID run) {
        return jdbc.sql("""
                SELECT category, child_id, what, detail, kept_since, removed_at FROM retention_removal WHERE run_id = ?
                ORDER BY removed_at, id""")
                .param(run)
                .query((rs, i) -> new Removal(DataCategory.valueOf(rs.getString(1)), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()))
                .list();
    }
}
