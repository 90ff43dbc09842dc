package org.tonkla.exchange;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.exchange.internal.F43Runner;
import org.tonkla.exchange.internal.F43Zip;

/**
 * Imports of MOPH 43-file zips (THAI-RULES §3): children 0–6 and their mothers, measurements scored
 * with the WHO standards, DSPM screenings and vaccinations. Each zip is a job; its report and rejected
 * rows stay in PostgreSQL. Importing a zip again adds nothing; an interrupted import resumes.
 */
@Component
public class F43Imports {

    private static final List<String> TOTALS = List.of("persons", "children", "mothers", "measurements", "vaccinations",
            "screenings", "linked", "added_children", "added_measurements", "added_vaccinations", "added_screenings");

    private final JdbcClient jdbc;
    private final F43Runner runner;
    private final RecordLinkage linkage;

    F43Imports(JdbcClient jdbc, F43Runner runner, RecordLinkage linkage) {
        this.jdbc = jdbc;
        this.runner = runner;
        this.linkage = linkage;
    }

    /**
     * After a zip is in, records made without a national ID elsewhere are compared with the children it brought
     * (record linkage): likely ones are linked, the middle band waits for review. A failure here leaves the
     * import as it is; the administrators' scan ({@code POST /api/v1/linkage/scan}) runs it again.
     */
    private void link(UUID job) {
        try {
            var result = linkage.scanUnidentified("f43:" + job);
            org.slf4j.LoggerFactory.getLogger(F43Imports.class).info("43-file import {}: linkage merged {}, queued {}", job,
                    result.merged(), result.queued());
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(F43Imports.class).warn("43-file import {}: linkage stopped: {}", job, e.getMessage());
        }
    }

    /**
     * Imports one zip now and answers its report.
     *
     * @throws org.tonkla.platform.InvalidInput when the bytes are not a zip with a PERSON file
     * @throws org.tonkla.platform.Conflict when another process is importing the same zip
     */
    public F43Report importNow(String zipName, byte[] zip, String by) {
        runner.read(zip);
        UUID job = runner.job(zipName, zip, by);
        runner.run(job, zip, by);
        link(job);
        return report(job).orElseThrow();
    }

    /** Starts the import in the background and answers its job id at once; the report shows progress. */
    public UUID submit(String zipName, byte[] zip, String by) {
        runner.read(zip);
        UUID job = runner.job(zipName, zip, by);
        Thread.ofVirtual().name("f43-import-" + job).start(() -> {
            try {
                runner.run(job, zip, by);
                link(job);
            } catch (RuntimeException e) {
                // recorded on the job (FAILED) or running elsewhere (Conflict): the report says which
                org.slf4j.LoggerFactory.getLogger(F43Imports.class).warn("43-file import {} stopped: {}", job, e.getMessage());
            }
        });
        return job;
    }

    public Optional<F43Report> report(UUID job) {
        return jdbc.sql("SELECT id, zip_name, status, batches, error FROM f43_job WHERE id = ?").param(job)
                .query((rs, n) -> build(job, rs.getString("zip_name"), rs.getString("status"), rs.getInt("batches"),
                        rs.getString("error"))).optional();
    }

    /** The latest jobs, newest first. */
    public List<F43Report> recent(int limit) {
        return jdbc.sql("SELECT id FROM f43_job ORDER BY created_at DESC LIMIT ?").param(limit).query(UUID.class).list()
                .stream().map(id -> report(id).orElseThrow()).toList();
    }

    /** Every rejected row: zip, file, line, reason, detail (RFC 4180 CSV with a header line). */
    public String rejectionsCsv(UUID job) {
        var csv = new StringBuilder("zip,file,line,reason,detail\n");
        jdbc.sql("""
                SELECT j.zip_name, r.file, r.line, r.reason, r.detail FROM f43_rejection r JOIN f43_job j ON j.id = r.job_id
                WHERE r.job_id = ? ORDER BY r.file, r.line, r.reason""").param(job).query((rs, n) -> {
                    csv.append(quote(rs.getString(1))).append(',').append(rs.getString(2)).append(',').append(rs.getInt(3))
                            .append(',').append(rs.getString(4)).append(',').append(quote(rs.getString(5))).append('\n');
                    return null;
                }).list();
        return csv.toString();
    }

    /**
     * A quoted CSV field. A field starting with = + - @ (or tab, CR) gets a leading apostrophe, so a spreadsheet
     * opening the file shows it as text instead of running it as a formula (CSV injection).
     */
    static String quote(String s) {
        if (s == null) s = "";
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private F43Report build(UUID job, String zip, String status, int batches, String error) {
        Map<String, Map<String, Long>> byFile = new TreeMap<>();
        jdbc.sql("SELECT file, metric, sum(n) FROM f43_batch_count WHERE job_id = ? GROUP BY file, metric").param(job)
                .query((rs, n) -> byFile.computeIfAbsent(rs.getString(1), f -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3)))
                .list();
        Map<String, Map<String, Long>> reasons = new TreeMap<>();
        jdbc.sql("SELECT file, reason, count(*) FROM f43_rejection WHERE job_id = ? GROUP BY file, reason").param(job)
                .query((rs, n) -> reasons.computeIfAbsent(rs.getString(1), f -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3)))
                .list();
        Map<String, F43Report.FileCounts> files = new java.util.LinkedHashMap<>();
        Map<String, Long> totals = new java.util.LinkedHashMap<>();
        TOTALS.forEach(t -> totals.put(t, 0L));
        for (String kind : F43Zip.KINDS) {
            var m = byFile.get(kind);
            if (m == null) continue;
            files.put(kind, new F43Report.FileCounts(m.getOrDefault("read", 0L), m.getOrDefault("accepted", 0L),
                    m.getOrDefault("duplicate", 0L), m.getOrDefault("skipped", 0L), m.getOrDefault("rejected", 0L),
                    reasons.getOrDefault(kind, Map.of())));
            TOTALS.forEach(t -> totals.merge(t, m.getOrDefault(t, 0L), Long::sum));
        }
        int done = jdbc.sql("SELECT count(*) FROM f43_batch_done WHERE job_id = ?").param(job).query(Integer.class).single();
        return new F43Report(job, zip, status, done, batches, error, files, totals);
    }
}
