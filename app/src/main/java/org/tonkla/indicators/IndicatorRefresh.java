package org.tonkla.indicators;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
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

    IndicatorRefresh(JdbcClient jdbc, TransactionTemplate tx, Clock clock, IndicatorDefinitions definitions,
            @Value("${tonkla.command:}") String command, @Value("${tonkla.indicators.recompute-workers:0}") int workers) {
        this.command = command;
        // 0: one per core of this machine, where the embedded PostgreSQL runs; set it to the database's cores otherwise.
        this.workers = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.insertFacts = FactSql.insertFacts(definitions);
        this.insertQuarterFacts = QuarterFactSql.insertFacts(definitions);
        this.quarters = definitions.quarters();
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
        if (bulk.get()) return 0;
        int total = 0;
        while (true) {
            Integer n = tx.execute(status -> {
                if (!exclusive()) return -1;
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

    /** Throws away facts and cells and computes them all from the sources (first loads, tests and repairs). */
    public void recomputeAll() {
        recomputeAll((done, of) -> {});
    }

    /** Told after each province how many of the provinces are done. */
    public interface Progress {
        void provinces(int done, int of);
    }

    /**
     * As {@link #recomputeAll()}, in bounded memory and transactions: facts are computed for {@link #CHUNK} children at
     * a time, a province's children (the registry's province) at a time, and that province's facts are then added to
     * the cells in one grouped statement (a cell of another province, where a child is served across the border,
     * receives its share then). Each child's facts are thus added exactly once, and no transaction holds more than one
     * province. Provinces are computed side by side, one per worker ({@code tonkla.indicators.recompute-workers}).
     * A recompute that is cut off resumes with the provinces it had not finished ({@code indicator_recompute_province}),
     * unless a bulk writer has called {@link #recomputeNeeded} since. The incremental path ({@link #refreshDirty}) upserts cells per 500 children; a first load of a whole
     * country that way spent 90 % of its time in those upserts (bench/README.md, "the whole country").
     *
     * <p>While it runs, this node's refresher waits (children written meanwhile stay marked dirty and are refreshed
     * after it). Run it when no other node refreshes, as {@code ./tonkla generate} does (the app stopped).
     */
    public void recomputeAll(Progress progress) {
        recomputeAll(progress, CHUNK, workers);
    }

    /** Whether the last bulk recompute ran to its end and no bulk write has bypassed the dirty marks since. */
    public boolean recomputed() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM indicator_recompute)").query(Boolean.class).single();
    }

    /** Said by a bulk writer that bypasses the dirty marks before it writes: the next run must recompute. */
    public void recomputeNeeded() {
        jdbc.sql("DELETE FROM indicator_recompute").update();
        jdbc.sql("DELETE FROM indicator_recompute_province").update();
    }

    /** With another chunk size and number of workers: the tests walk chunk boundaries with a small one. */
    void recomputeAll(Progress progress, int chunk, int workers) {
        bulk.set(true);
        try {
            Set<String> finished = tx.execute(status -> {
                exclusive();
                List<String> earlier = jdbc.sql("SELECT province_code FROM indicator_recompute_province").query(String.class).list();
                if (earlier.isEmpty()) {
                    jdbc.sql("TRUNCATE indicator_fact, indicator_cell, indicator_quarter_fact, indicator_quarter_cell, indicator_dirty_child,"
                            + " indicator_recompute").update();
                } else {
                    // Resuming: the finished provinces' facts and cells stay; the facts a cut-off province had written
                    // (never added to the cells) go. Children written meanwhile were marked dirty, as usual.
                    String others = "SELECT id FROM child WHERE province_code <> ALL (CAST(:done AS text[]))";
                    String[] done = earlier.toArray(String[]::new);
                    jdbc.sql("DELETE FROM indicator_fact WHERE child_id IN (" + others + ")").param("done", done).update();
                    jdbc.sql("DELETE FROM indicator_quarter_fact WHERE child_id IN (" + others + ")").param("done", done).update();
                }
                return new HashSet<>(earlier);
            });
            // One index probe per province (a loose scan), not a pass over every child.
            List<String> provinces = jdbc.sql("""
                    WITH RECURSIVE p(code) AS (
                        SELECT min(province_code) FROM child
                        UNION ALL
                        SELECT (SELECT min(province_code) FROM child WHERE province_code > code) FROM p WHERE code IS NOT NULL)
                    SELECT code FROM p WHERE code IS NOT NULL""").query(String.class).list();
            var todo = new ConcurrentLinkedQueue<>(provinces.stream().filter(p -> !finished.contains(p)).toList());
            var done = new AtomicInteger(provinces.size() - todo.size());
            inParallel(todo, workers, province -> {
                recomputeProvince(province, chunk);
                progress.provinces(done.incrementAndGet(), provinces.size());
            });
            tx.executeWithoutResult(status -> {
                exclusive();
                jdbc.sql("DELETE FROM indicator_recompute_province").update();
                jdbc.sql("INSERT INTO indicator_recompute (finished_at) VALUES (:at)").param("at", Timestamp.from(clock.instant())).update();
            });
        } finally {
            bulk.set(false);
        }
    }

    /**
     * One province: its children's facts {@code chunk} at a time, then their sums added to the cells and the province
     * marked finished in one transaction. Fact transactions of different provinces run side by side (a shared lock);
     * the cells are added under the exclusive lock, one province at a time, as the refresher adds them.
     */
    private void recomputeProvince(String province, int chunk) {
        UUID[] after = {null}; // the last child done (PostgreSQL orders UUIDs by their bytes, unlike Java)
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(tx.execute(status -> {
                shared();
                List<UUID> ids = jdbc.sql("""
                        SELECT id FROM child WHERE province_code = :p
                           AND (CAST(:after AS uuid) IS NULL OR id > CAST(:after AS uuid)) ORDER BY id LIMIT :n""")
                        .param("p", province).param("after", after[0]).param("n", chunk).query(UUID.class).list();
                if (ids.isEmpty()) return false;
                jdbc.sql(insertFacts).param("ids", ids.toArray(UUID[]::new)).param("today", today()).update();
                insertQuarterFacts(ids);
                after[0] = ids.getLast();
                return ids.size() == chunk;
            }));
        }
        tx.executeWithoutResult(status -> {
            exclusive();
            jdbc.sql("INSERT INTO indicator_cell (" + FactSql.CELL + ", n) SELECT " + FactSql.CELL + ", sum(n)"
                    + " FROM " + FactSql.factRows("indicator_fact f")
                    + " WHERE f.child_id IN (SELECT id FROM child WHERE province_code = :p)"
                    + " GROUP BY " + FactSql.CELL
                    + " ON CONFLICT (" + FactSql.CELL + ") DO UPDATE SET n = indicator_cell.n + EXCLUDED.n")
                    .param("p", province).update();
            jdbc.sql(QuarterFactSql.addCells("SELECT id FROM child WHERE province_code = :p")).param("p", province).update();
            jdbc.sql("INSERT INTO indicator_recompute_province (province_code, finished_at) VALUES (:p, :at)")
                    .param("p", province).param("at", Timestamp.from(clock.instant())).update();
        });
    }

    /**
     * Runs {@code work} on every item of {@code queue} with {@code workers} threads: the fact SQL keeps one
     * PostgreSQL backend's core busy, so one worker per core divides a country's first load by the cores. The first
     * failure stops the others after their current item and is thrown here.
     */
    private static void inParallel(ConcurrentLinkedQueue<String> queue, int workers, Consumer<String> work) {
        int n = Math.max(1, Math.min(workers, queue.size()));
        var failure = new AtomicReference<Throwable>();
        Runnable worker = () -> {
            for (String item; failure.get() == null && (item = queue.poll()) != null; ) {
                try {
                    work.accept(item);
                } catch (Throwable e) { // an Error too: a worker that died silently would leave its province undone
                    failure.compareAndSet(null, e);
                }
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i < n; i++) threads.add(Thread.ofPlatform().name("indicator-recompute-" + i).start(worker));
        worker.run(); // the caller is the first worker
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the indicators were recomputed", e);
            }
        }
        switch (failure.get()) {
            case null -> { }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            case Throwable e -> throw new IllegalStateException(e);
        }
    }

    /** Children per fact statement of {@link #recomputeAll}: the first load ran at ≈ 1,350 children/s with 31,000. */
    static final int CHUNK = 10_000;

    /** Set while {@link #recomputeAll} runs: the scheduled refresher leaves the facts and cells to it. */
    private final AtomicBoolean bulk = new AtomicBoolean();

    /** The refresher's lock, held to the end of the transaction: whoever changes the cells holds it alone. */
    private boolean exclusive() {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_advisory_xact_lock(:k) IS NOT NULL").param("k", LOCK)
                .query(Boolean.class).single());
    }

    /** Taken by whoever else changes the cells ({@link NightlyRefresh}), in its transaction. */
    void lockCells() {
        exclusive();
    }

    /** The same lock shared: a recompute's fact transactions, which touch only their own children's facts. */
    private void shared() {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(:k) IS NOT NULL").param("k", LOCK).query(Boolean.class).single();
    }

    private void refresh(List<UUID> ids) {
        String match = String.join(" AND ", java.util.Arrays.stream(FactSql.CELL.split(", "))
                .map(c -> "c." + c + " = o." + c).toList());
        jdbc.sql("WITH gone AS (DELETE FROM indicator_fact WHERE child_id IN (:ids) RETURNING *), "
                + "o AS (SELECT " + FactSql.CELL + ", sum(n) AS n FROM " + FactSql.factRows("gone f") + " GROUP BY " + FactSql.CELL + ") "
                + "UPDATE indicator_cell c SET n = c.n - o.n FROM o WHERE " + match).param("ids", ids).update();
        jdbc.sql(insertFacts).param("ids", ids.toArray(UUID[]::new)).param("today", today()).update();
        jdbc.sql("INSERT INTO indicator_cell (" + FactSql.CELL + ", n) SELECT " + FactSql.CELL + ", sum(n) FROM "
                + FactSql.factRows("indicator_fact f") + " WHERE f.child_id IN (:ids) GROUP BY " + FactSql.CELL
                + " ON CONFLICT (" + FactSql.CELL + ") DO UPDATE SET n = indicator_cell.n + EXCLUDED.n")
                .param("ids", ids).update();
        jdbc.sql("DELETE FROM indicator_cell WHERE n = 0").update();
        // The same for the quarters (QuarterFactSql): old facts out of the cells, new facts in, empty cells gone.
        jdbc.sql(QuarterFactSql.DELETE_FACTS).param("ids", ids).update();
        insertQuarterFacts(ids);
        jdbc.sql(QuarterFactSql.addCells(":ids")).param("ids", ids).update();
        jdbc.sql(QuarterFactSql.DELETE_EMPTY_CELLS).update();
    }

    private void insertQuarterFacts(List<UUID> ids) {
        jdbc.sql(insertQuarterFacts).param("ids", ids.toArray(UUID[]::new)).param("today", today())
                .param("from", quarters.firstShown(today())).update();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
