package org.tonkla.exchange.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.directory.Directory;
import org.tonkla.platform.Conflict;
import org.tonkla.registry.ChildrenByNationalId;

/**
 * Runs the import of one zip as a job: one job per zip content (SHA-256), so the same zip again finds
 * its job done, and an interrupted one carries on from its last committed batch. One runner per job at
 * a time, on any node: a PostgreSQL advisory lock on the job, which dies with its connection.
 */
@Component
public class F43Runner {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final BatchWriter writer;
    private final Directory directory;
    private final ChildrenByNationalId registered;
    private final Clock clock;
    private final int batchRows;
    private final F43Zip.Limits limits;
    private volatile int interruptAfter = -1;

    F43Runner(JdbcClient jdbc, DataSource dataSource, BatchWriter writer, Directory directory,
            ChildrenByNationalId registered, Clock clock, @Value("${tonkla.exchange.batch-rows:2000}") int batchRows,
            @Value("${tonkla.exchange.max-entry-bytes:209715200}") long maxEntryBytes,
            @Value("${tonkla.exchange.max-total-bytes:1073741824}") long maxTotalBytes,
            @Value("${tonkla.exchange.max-compression-ratio:200}") int maxRatio) {
        this.limits = new F43Zip.Limits(maxEntryBytes, maxTotalBytes, maxRatio);
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.writer = writer;
        this.directory = directory;
        this.registered = registered;
        this.clock = clock;
        this.batchRows = batchRows;
    }

    /** Test hook: the next run stops (as if killed) after this many batches are committed. */
    public void interruptAfter(int batches) {
        this.interruptAfter = batches;
    }

    /**
     * The zip's files within the configured unpacking limits.
     *
     * @throws org.tonkla.platform.InvalidInput when it is no 43-file zip or unpacks past the limits
     */
    public F43Zip read(byte[] zip) {
        return F43Zip.read(zip, limits);
    }

    /** The job of this zip's content, made if new. */
    public UUID job(String zipName, byte[] zip, String by) {
        String sha = sha256(zip);
        jdbc.sql("""
                INSERT INTO f43_job (id, zip_sha256, zip_name, status, started_by, created_at, batch_rows)
                VALUES (?, ?, ?, 'RUNNING', ?, ?, ?) ON CONFLICT (zip_sha256) DO NOTHING""")
                .params(UUID.randomUUID(), sha, zipName, by, java.sql.Timestamp.from(clock.instant()), batchRows).update();
        return jdbc.sql("SELECT id FROM f43_job WHERE zip_sha256 = ?").param(sha).query(UUID.class).single();
    }

    /**
     * Loads every batch of the job not done yet.
     *
     * @throws Conflict when another process is running this job now
     */
    public void run(UUID job, byte[] zip, String by) {
        if ("DONE".equals(jdbc.sql("SELECT status FROM f43_job WHERE id = ?").param(job).query(String.class).single())) return;
        try (var lock = dataSource.getConnection(); var s = lock.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 80))")) {
            s.setString(1, job.toString());
            try (var rs = s.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) throw new Conflict("exchange.import.running", "this zip is being imported now");
            }
            try {
                load(job, zip, by);
            } finally {
                try (var u = lock.prepareStatement("SELECT pg_advisory_unlock(hashtextextended(?, 80))")) {
                    u.setString(1, job.toString());
                    u.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Import job " + job + ": " + e.getMessage(), e);
        }
    }

    private void load(UUID job, byte[] zip, String by) {
        jdbc.sql("UPDATE f43_job SET status = 'RUNNING', error = NULL WHERE id = ?").param(job).update();
        try {
            // cut as the job's first run did, whatever this process's setting: checkpoints are batch numbers
            int rows = jdbc.sql("SELECT batch_rows FROM f43_job WHERE id = ?").param(job).query(Integer.class).single();
            List<Batch> batches = plan(read(zip), rows);
            jdbc.sql("UPDATE f43_job SET batches = ? WHERE id = ?").params(batches.size(), job).update();
            var done = new HashSet<>(jdbc.sql("SELECT file || '#' || batch_no FROM f43_batch_done WHERE job_id = ?")
                    .param(job).query(String.class).list());
            int written = 0;
            for (Batch b : batches) {
                if (done.contains(b.file() + "#" + b.no())) continue;
                writer.write(job, b, by);
                if (++written == interruptAfter) {
                    interruptAfter = -1;
                    throw new Interrupted();
                }
            }
            jdbc.sql("UPDATE f43_job SET status = 'DONE', finished_at = ? WHERE id = ?")
                    .params(java.sql.Timestamp.from(clock.instant()), job).update();
        } catch (Interrupted e) {
            throw e; // as a kill would: the job stays RUNNING
        } catch (RuntimeException e) {
            jdbc.sql("UPDATE f43_job SET status = 'FAILED', error = ? WHERE id = ?").params(String.valueOf(e.getMessage()), job).update();
            throw e;
        }
    }

    List<Batch> plan(F43Zip zip, int batchRows) {
        LocalDate today = LocalDate.now(clock);
        var people = new People(directory);
        List<Batch> batches = new ArrayList<>(new PersonPlanner(people, registered, today, batchRows).plan(zip));
        batches.addAll(new ServicePlanner(people, today, batchRows).plan(zip));
        return batches;
    }

    /** What the test hook throws: the run stops between two batches. */
    public static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("import interrupted by the test hook");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
