package org.tonkla.indicators;

import java.sql.Timestamp;
import java.time.Clock;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tonkla.indicators.internal.FactSql;
import org.tonkla.indicators.internal.QuarterFactSql;

/**
 * Every child's facts and every cell computed from the sources ({@link IndicatorRefresh#recomputeAll}): first loads,
 * tests and repairs. Bounded memory and transactions: facts for {@code chunk} children at a time, a province's children
 * (the registry's province) at a time, then that province's facts added to the cells in one grouped statement (a cell of
 * another province, where a child is served across the border, receives its share then), so each child's facts are
 * added exactly once and no transaction holds more than one province. The incremental path upserts cells per 500
 * children; a first load of a whole country that way spent 90 % of its time in those upserts (bench/README.md).
 *
 * <p>Provinces are computed side by side, one per worker: the fact SQL keeps one PostgreSQL backend's core busy. Fact
 * transactions share the refresher's lock; adding a province's cells takes it alone.
 *
 * <p>A run that is cut off (a whole country takes hours) is resumed by the next: the provinces whose cells were added
 * ({@code indicator_recompute_province}, written in that transaction) stay, the facts of every other child go, and the
 * cells are rebuilt from the facts that stay unless they are known to hold exactly those ({@code cells_exact}, V183):
 * no finished province taken back by a bulk writer, and no changed child whose facts go. A child's province is changed
 * by no code path; one moved by hand into a finished province from one cut off half-way is not seen. Until a run
 * finishes ({@code indicator_recompute_run}), no refresher in any process touches facts or cells; children written
 * meanwhile stay marked dirty and are refreshed after it.
 */
final class BulkRecompute {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final IndicatorRefresh refresh;
    /** Set while a run goes on in this process: its refresher returns at once instead of waiting on the lock. */
    final AtomicBoolean running = new AtomicBoolean();

    BulkRecompute(JdbcClient jdbc, TransactionTemplate tx, Clock clock, IndicatorRefresh refresh) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.refresh = refresh;
    }

    void run(IndicatorRefresh.Progress progress, int chunk, int workers, IndicatorRefresh.Writer writer) {
        running.set(true);
        try {
            Set<String> finished = tx.execute(status -> begin());
            // The writer's provinces in its order, then any other with children.
            List<String> provinces = new ArrayList<>(writer.provinces());
            provincesWithChildren().forEach(p -> { if (!provinces.contains(p)) provinces.add(p); });
            var todo = new ConcurrentLinkedQueue<>(provinces.stream().filter(p -> !finished.contains(p)).toList());
            var done = new AtomicInteger(provinces.size() - todo.size());
            inParallel(todo, workers, province -> {
                try {
                    writer.awaitWritten(province); // no connection is held meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for province " + province + " to be written", e);
                }
                province(province, chunk);
                progress.provinces(done.incrementAndGet(), provinces.size());
            });
            tx.executeWithoutResult(status -> {
                refresh.lockCells();
                jdbc.sql("DELETE FROM indicator_recompute_province").update();
                // The facts are as of the day the run began or later: the nightly pass looks for changes from then on.
                jdbc.sql("""
                        INSERT INTO indicator_nightly (last_day) SELECT started_on FROM indicator_recompute_run
                        ON CONFLICT (only_row) DO UPDATE SET last_day = greatest(indicator_nightly.last_day, EXCLUDED.last_day)""")
                        .update();
                jdbc.sql("DELETE FROM indicator_recompute_run").update();
                jdbc.sql("INSERT INTO indicator_recompute (finished_at) VALUES (:at)").param("at", Timestamp.from(clock.instant())).update();
            });
        } finally {
            running.set(false);
        }
    }

    /** Starts afresh, or resumes a run that was cut off; returns the provinces already finished. */
    private Set<String> begin() {
        refresh.lockCells();
        List<String> earlier = jdbc.sql("SELECT province_code FROM indicator_recompute_province").query(String.class).list();
        if (earlier.isEmpty()) {
            jdbc.sql("TRUNCATE indicator_fact, indicator_cell, indicator_quarter_fact, indicator_quarter_cell, indicator_dirty_child,"
                    + " indicator_recompute, indicator_recompute_run").update();
            jdbc.sql("INSERT INTO indicator_recompute_run (started_on, cells_exact) VALUES (:today, true)")
                    .param("today", refresh.today()).update();
            return Set.of();
        }
        // The finished provinces' facts stay; every other child's go (a province cut off half-way, a refresher's work, a
        // child moved or deleted since). The cells hold the finished provinces' facts, added with their marks, unless a
        // finished province was taken back (its share stays in the cells) or a child changed since whose facts go (moved
        // out of a finished province, or deleted: its share would stay): then they are rebuilt from the facts that stay.
        String[] done = earlier.toArray(String[]::new);
        boolean exact = jdbc.sql("""
                SELECT coalesce((SELECT cells_exact FROM indicator_recompute_run), false)
                   AND NOT EXISTS (SELECT 1 FROM indicator_dirty_child d
                                    WHERE (EXISTS (SELECT 1 FROM indicator_fact f WHERE f.child_id = d.child_id)
                                           OR EXISTS (SELECT 1 FROM indicator_quarter_fact q WHERE q.child_id = d.child_id))
                                      AND NOT EXISTS (SELECT 1 FROM child c WHERE c.id = d.child_id
                                                         AND c.province_code = ANY (CAST(:done AS text[]))))""")
                .param("done", done).query(Boolean.class).single();
        // Exact: only the children of the provinces not finished have facts to drop (one cut off half-way), found through
        // their province's index instead of a pass over every fact of the country.
        String[] todo = provincesWithChildren().stream().filter(p -> !earlier.contains(p)).toArray(String[]::new);
        for (String table : List.of("indicator_fact", "indicator_quarter_fact")) {
            if (exact) {
                jdbc.sql("DELETE FROM " + table + " f USING child c WHERE c.id = f.child_id"
                        + " AND c.province_code = ANY (CAST(:todo AS text[]))").param("todo", todo).update();
            } else {
                jdbc.sql("DELETE FROM " + table + " f WHERE NOT EXISTS (SELECT 1 FROM child c WHERE c.id = f.child_id"
                        + " AND c.province_code = ANY (CAST(:done AS text[])))").param("done", done).update();
            }
        }
        if (!exact) {
            jdbc.sql("TRUNCATE indicator_cell, indicator_quarter_cell").update();
            jdbc.sql(FactSql.addCells("SELECT id FROM child")).update();
            jdbc.sql(QuarterFactSql.addCells("SELECT id FROM child")).update();
        }
        jdbc.sql("""
                INSERT INTO indicator_recompute_run (started_on, cells_exact) VALUES (:today, true)
                ON CONFLICT (only_row) DO UPDATE SET cells_exact = true""").param("today", refresh.today()).update();
        return new HashSet<>(earlier);
    }

    /** The provinces with children: one index probe per province (a loose scan), not a pass over every child. */
    private List<String> provincesWithChildren() {
        return jdbc.sql("""
                WITH RECURSIVE p(code) AS (
                    SELECT min(province_code) FROM child
                    UNION ALL
                    SELECT (SELECT min(province_code) FROM child WHERE province_code > code) FROM p WHERE code IS NOT NULL)
                SELECT code FROM p WHERE code IS NOT NULL""").query(String.class).list();
    }

    /** One province: its children's facts {@code chunk} at a time, then their sums added to the cells, and marked finished. */
    private void province(String province, int chunk) {
        UUID[] after = {null}; // the last child done (PostgreSQL orders UUIDs by their bytes, unlike Java)
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(tx.execute(status -> {
                refresh.shareCells();
                List<UUID> ids = jdbc.sql("""
                        SELECT id FROM child WHERE province_code = :p
                           AND (CAST(:after AS uuid) IS NULL OR id > CAST(:after AS uuid)) ORDER BY id LIMIT :n""")
                        .param("p", province).param("after", after[0]).param("n", chunk).query(UUID.class).list();
                if (ids.isEmpty()) return false;
                refresh.insertFacts(ids);
                refresh.insertQuarterFacts(ids);
                after[0] = ids.getLast();
                return ids.size() == chunk;
            }));
        }
        tx.executeWithoutResult(status -> {
            refresh.lockCells();
            String children = "SELECT id FROM child WHERE province_code = :p";
            jdbc.sql(FactSql.addCells(children)).param("p", province).update();
            jdbc.sql(QuarterFactSql.addCells(children)).param("p", province).update();
            jdbc.sql("INSERT INTO indicator_recompute_province (province_code, finished_at) VALUES (:p, :at)")
                    .param("p", province).param("at", Timestamp.from(clock.instant())).update();
        });
    }

    /** Whether a run began and has not finished: the refreshers leave facts and cells alone until it does. */
    boolean unfinished() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM indicator_recompute_run)").query(Boolean.class).single();
    }

    /**
     * Runs {@code work} on every item of {@code queue} with {@code workers} threads, the caller's among them. The first
     * failure stops the others after their current item and is thrown here once all have stopped (an interrupt too:
     * the run is not over, and this process's refresher must not start, before every worker has).
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
        worker.run();
        boolean interrupted = false;
        for (Thread t : threads) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                    failure.compareAndSet(null, new IllegalStateException("Interrupted while the indicators were recomputed", e));
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        switch (failure.get()) {
            case null -> { }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            case Throwable e -> throw new IllegalStateException(e);
        }
    }
}
