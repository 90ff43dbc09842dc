package org.tonkla.indicators;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tonkla.indicators.internal.FactSql;

/**
 * Keeps {@code indicator_fact} and {@code indicator_cell} current without recomputing everything: writes to
 * the source tables mark their child dirty (triggers, V140); each batch of dirty children has its old facts
 * subtracted from their cells, its facts recomputed and added back, in one transaction. Facts that depend on
 * the day (overdue referrals, windows reached, age on 31 December) are renewed by marking every child dirty
 * once a night. One refresher at a time (advisory lock), so cells are never updated from two batches at once.
 */
@Service
public class IndicatorRefresh {

    private static final int BATCH = 500;
    private static final long LOCK = 0x1d1ca7025L;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String insertFacts;

    IndicatorRefresh(JdbcClient jdbc, TransactionTemplate tx, Clock clock, IndicatorDefinitions definitions) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.insertFacts = FactSql.insertFacts(definitions);
    }

    /** Processes the dirty-child queue until it is empty; returns how many children were refreshed. */
    @Scheduled(fixedDelayString = "${tonkla.indicators.refresh-interval:PT1M}", initialDelayString = "PT30S")
    public int refreshDirty() {
        int total = 0;
        while (true) {
            Integer n = tx.execute(status -> {
                if (!locked()) return -1;
                List<UUID> ids = jdbc.sql("""
                        DELETE FROM indicator_dirty_child WHERE child_id IN (
                            SELECT child_id FROM indicator_dirty_child ORDER BY marked_at LIMIT :batch FOR UPDATE SKIP LOCKED)
                        RETURNING child_id""").param("batch", BATCH).query(UUID.class).list();
                if (!ids.isEmpty()) refresh(ids);
                return ids.size();
            });
            if (n == null || n <= 0) return total;
            total += n;
        }
    }

    /** Every child dirty again: for facts that change with the date alone. */
    @Scheduled(cron = "${tonkla.indicators.nightly-cron:0 15 1 * * *}", zone = "Asia/Bangkok")
    public void markAllDirty() {
        jdbc.sql("INSERT INTO indicator_dirty_child (child_id) SELECT id FROM child ON CONFLICT DO NOTHING").update();
        refreshDirty();
    }

    /** Throws away facts and cells and computes them all from the sources (for tests and repairs). */
    public void recomputeAll() {
        tx.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:k)").param("k", LOCK).query().singleRow();
            jdbc.sql("TRUNCATE indicator_fact, indicator_cell, indicator_dirty_child").update();
            List<UUID> all = jdbc.sql("SELECT id FROM child ORDER BY id").query(UUID.class).list();
            for (int i = 0; i < all.size(); i += BATCH) {
                jdbc.sql(insertFacts).param("ids", all.subList(i, Math.min(all.size(), i + BATCH)))
                        .param("today", today()).update();
            }
            jdbc.sql("INSERT INTO indicator_cell (" + FactSql.CELL + ", n) SELECT " + FactSql.CELL
                    + ", sum(n) FROM indicator_fact GROUP BY " + FactSql.CELL).update();
        });
    }

    private boolean locked() {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_advisory_xact_lock(:k) IS NOT NULL").param("k", LOCK)
                .query(Boolean.class).single());
    }

    private void refresh(List<UUID> ids) {
        String match = String.join(" AND ", java.util.Arrays.stream(FactSql.CELL.split(", "))
                .map(c -> "c." + c + " = o." + c).toList());
        jdbc.sql("WITH gone AS (DELETE FROM indicator_fact WHERE child_id IN (:ids) RETURNING *), "
                + "o AS (SELECT " + FactSql.CELL + ", sum(n) AS n FROM gone GROUP BY " + FactSql.CELL + ") "
                + "UPDATE indicator_cell c SET n = c.n - o.n FROM o WHERE " + match).param("ids", ids).update();
        jdbc.sql(insertFacts).param("ids", ids).param("today", today()).update();
        jdbc.sql("INSERT INTO indicator_cell (" + FactSql.CELL + ", n) SELECT " + FactSql.CELL + ", sum(n) FROM indicator_fact"
                + " WHERE child_id IN (:ids) GROUP BY " + FactSql.CELL
                + " ON CONFLICT (" + FactSql.CELL + ") DO UPDATE SET n = indicator_cell.n + EXCLUDED.n")
                .param("ids", ids).update();
        jdbc.sql("DELETE FROM indicator_cell WHERE n = 0").update();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
