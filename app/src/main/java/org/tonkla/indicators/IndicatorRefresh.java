package org.tonkla.indicators;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tonkla.indicators.internal.FactSql;
import org.tonkla.indicators.internal.QuarterFactSql;

/**
 * Keeps {@code indicator_fact} and {@code indicator_cell} current without recomputing everything: writes to
 * the source tables mark their child dirty (triggers, V140); each batch of dirty children has its old facts
 * subtracted from their cells, its facts recomputed and added back, in one transaction. Facts that depend on
 * the day (overdue referrals, windows reached, age on 31 December) are renewed once a night by marking the
 * children whose facts the day changed ({@link NightlyRefresh}, which also moves the quarters a trend shows on).
 * The quarter facts and their per-area cells ({@code indicator_quarter_fact}, {@code indicator_quarter_cell},
 * QuarterFactSql) are kept the same way in the same transaction. One refresher at a time (advisory lock), so
 * cells are never updated from two batches at once.
 */
@Service
public class IndicatorRefresh {

    private static final int BATCH = 500;
    private static final long LOCK = 0x1d1ca7025L;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String insertFacts;
    private final String insertQuarterFacts;
    private final IndicatorDefinitions.Quarters quarters;

    private final String command;
    private final int workers;
    private final BulkRecompute bulk;

    IndicatorRefresh(JdbcClient jdbc, TransactionTemplate tx, Clock clock, IndicatorDefinitions definitions,
            @Value("${tonkla.command:}") String command, @Value("${tonkla.indicators.recompute-workers:0}") int workers) {
        this.command = command;
        // 0: one per core of this machine, where the embedded PostgreSQL runs, at most 8 (the pool has 20 connections);
        // set it to the database's cores otherwise, below tonkla.db.pool-size.
        this.workers = workers > 0 ? workers : Math.min(8, Runtime.getRuntime().availableProcessors());
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.insertFacts = FactSql.insertFacts(definitions);
        this.insertQuarterFacts = QuarterFactSql.insertFacts(definitions);
        this.quarters = definitions.quarters();
        this.bulk = new BulkRecompute(jdbc, tx, clock, this);
    }

    /**
     * The refresher, a minute after the last pass. Not within a one-off command (generate, admin): it would be cut off
     * in the middle of a transaction when the command ends; the server refreshes what the command marked.
     */
    @Scheduled(fixedDelayString = "${tonkla.indicators.refresh-interval:PT1M}", initialDelayString = "PT30S")
    void scheduledRefresh() {
        if (command.isBlank()) refreshDirty();
    }

    /** Processes the dirty-child queue until it is empty; returns how many children were refreshed. */
    public int refreshDirty() {
        if (bulk.running.get()) return 0;
        int total = 0;
        while (true) {
            Integer n = tx.execute(status -> {
                lockCells();
                if (bulk.unfinished()) return -1; // a bulk recompute, here or in another process, cut off or not

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

    /**
     * Computes every fact and cell from the sources (first loads, tests and repairs), or finishes a run that was cut
     * off ({@link BulkRecompute}).
     */
    public void recomputeAll() {
        recomputeAll((done, of) -> {});
    }

    /** Told after each province how many of the provinces are done; called from the workers' threads, as they finish. */
    public interface Progress {
        void provinces(int done, int of);
    }

    /**
     * As {@link #recomputeAll()}, in bounded memory and transactions, one province per worker
     * ({@code tonkla.indicators.recompute-workers}); a run cut off is resumed by the next unless a bulk writer has called
     * {@link #recomputeNeeded} since. Until it finishes, no refresher touches facts or cells. Run it when no other node
     * refreshes, as {@code ./tonkla generate} does (the app stopped).
     */
    public void recomputeAll(Progress progress) {
        bulk.run(progress, CHUNK, workers, Writer.NONE);
    }

    /** With another chunk size and number of workers: the tests walk chunk boundaries with a small one. */
    void recomputeAll(Progress progress, int chunk, int workers) {
        bulk.run(progress, chunk, workers, Writer.NONE);
    }

    /**
     * A bulk writer that is still writing while the recompute runs ({@code generate --country}): the provinces it writes,
     * in its order, and a wait until one is written. Each province is computed as soon as the writer is past it, on the
     * cores the writer leaves idle, instead of after the last one (the whole country: about half an hour less).
     */
    public interface Writer {
        Writer NONE = new Writer() {
            @Override
            public java.util.List<String> provinces() {
                return java.util.List.of();
            }

            @Override
            public void awaitWritten(String province) {}
        };

        /** The provinces it writes, in the order it writes them; the recompute takes them in that order. */
        java.util.List<String> provinces();

        /** Returns once {@code province} is written (at once for a province it does not write); throws if it stopped. */
        void awaitWritten(String province) throws InterruptedException;
    }

    /**
     * As {@link #recomputeAll(Progress)}, alongside {@code writer}, which calls {@link #recomputeNeeded(String)} (not the
     * whole-database one) for the provinces it writes.
     */
    public void recomputeAll(Progress progress, Writer writer) {
        bulk.run(progress, CHUNK, workers, writer);
    }

    /** Whether the last bulk recompute ran to its end and no bulk write has bypassed the dirty marks since. */
    public boolean recomputed() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM indicator_recompute)").query(Boolean.class).single();
    }

    /** Said by a bulk writer that bypasses the dirty marks before it writes: the next run must start from nothing. */
    public void recomputeNeeded() {
        jdbc.sql("DELETE FROM indicator_recompute").update();
        jdbc.sql("DELETE FROM indicator_recompute_province").update();
    }

    /**
     * As {@link #recomputeNeeded()}, for a writer that bypasses the marks of {@code province}'s children only: the
     * provinces a cut-off run had finished keep their facts and cells, and the next run computes this one. A run under
     * way does not see it for a province it has passed: call it only for provinces the run has not reached
     * ({@link Writer}: the generator writes a province before its recompute begins).
     */
    public void recomputeNeeded(String province) {
        // A finished province taken back keeps its share in the cells: the resume rebuilds them. One statement, so a stop
        // in between cannot leave the province taken back with the cells still called exact.
        jdbc.sql("""
                WITH done AS (DELETE FROM indicator_recompute),
                     back AS (DELETE FROM indicator_recompute_province WHERE province_code = :p RETURNING 1)
                UPDATE indicator_recompute_run SET cells_exact = false WHERE EXISTS (SELECT 1 FROM back)""")
                .param("p", province).update();
    }

    /** Children per fact statement of {@link #recomputeAll}: the first load ran at ≈ 1,350 children/s with 31,000. */
    static final int CHUNK = 10_000;

    /**
     * The refresher's lock, held to the end of the transaction: whoever changes the cells (the refresher, the bulk
     * recompute, the nightly pass) holds it alone.
     */
    void lockCells() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:k) IS NOT NULL").param("k", LOCK).query(Boolean.class).single();
    }

    /** The same lock shared: a bulk recompute's fact transactions, which touch only their own children's facts. */
    void shareCells() {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(:k) IS NOT NULL").param("k", LOCK).query(Boolean.class).single();
    }

    private void refresh(List<UUID> ids) {
        String match = String.join(" AND ", java.util.Arrays.stream(FactSql.CELL.split(", "))
                .map(c -> "c." + c + " = o." + c).toList());
        jdbc.sql("WITH gone AS (DELETE FROM indicator_fact WHERE child_id IN (:ids) RETURNING *), "
                + "o AS (SELECT " + FactSql.CELL + ", sum(n) AS n FROM " + FactSql.factRows("gone f") + " GROUP BY " + FactSql.CELL + ") "
                + "UPDATE indicator_cell c SET n = c.n - o.n FROM o WHERE " + match).param("ids", ids).update();
        insertFacts(ids);
        jdbc.sql(FactSql.addCells(":ids")).param("ids", ids).update();
        jdbc.sql("DELETE FROM indicator_cell WHERE n = 0").update();
        // The same for the quarters (QuarterFactSql): old facts out of the cells, new facts in, empty cells gone.
        jdbc.sql(QuarterFactSql.DELETE_FACTS).param("ids", ids).update();
        insertQuarterFacts(ids);
        jdbc.sql(QuarterFactSql.addCells(":ids")).param("ids", ids).update();
        jdbc.sql(QuarterFactSql.DELETE_EMPTY_CELLS).update();
    }

    void insertFacts(List<UUID> ids) {
        jdbc.sql(insertFacts).param("ids", ids.toArray(UUID[]::new)).param("today", today()).update();
    }

    void insertQuarterFacts(List<UUID> ids) {
        jdbc.sql(insertQuarterFacts).param("ids", ids.toArray(UUID[]::new)).param("today", today())
                .param("from", quarters.firstShown(today())).update();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
