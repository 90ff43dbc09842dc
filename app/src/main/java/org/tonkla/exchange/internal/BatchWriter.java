package org.tonkla.exchange.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.recordbook.RecordBookImports;
import org.tonkla.registry.ChildImports;

/**
 * Writes one batch and its checkpoint in one transaction: the children and entries through the
 * registry's and the record book's bulk imports, the rejections, the counts and the "done" mark. A kill
 * at any moment leaves either all of a batch or none of it.
 */
@Component
class BatchWriter {

    private final JdbcClient jdbc;
    private final ChildImports children;
    private final RecordBookImports entries;
    private final Clock clock;

    BatchWriter(JdbcClient jdbc, ChildImports children, RecordBookImports entries, Clock clock) {
        this.jdbc = jdbc;
        this.children = children;
        this.entries = entries;
        this.clock = clock;
    }

    @Transactional
    public void write(UUID job, Batch b, String by) {
        int marked = jdbc.sql("INSERT INTO f43_batch_done (job_id, file, batch_no) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(job, b.file, b.no).update();
        if (marked == 0) return; // done by an earlier run
        var counts = new java.util.TreeMap<>(b.counts);
        if (!b.children.isEmpty()) counts.put("added_children", children.importChildren(b.children, by));
        var now = clock.instant();
        if (!b.measurements.isEmpty()) {
            counts.put("added_measurements", entries.importEntries(b.measurements, List.of(), List.of(), List.of(), by, now));
        }
        if (!b.screenings.isEmpty()) {
            counts.put("added_screenings", entries.importEntries(List.of(), b.screenings, List.of(), List.of(), by, now));
        }
        if (!b.immunizations.isEmpty()) {
            counts.put("added_vaccinations", entries.importEntries(List.of(), List.of(), b.immunizations, List.of(), by, now));
        }
        counts.forEach((metric, n) -> jdbc.sql("""
                INSERT INTO f43_batch_count (job_id, file, batch_no, metric, n) VALUES (?, ?, ?, ?, ?)""")
                .params(job, b.file, b.no, metric, n).update());
        for (var r : b.rejections) {
            jdbc.sql("""
                    INSERT INTO f43_rejection (job_id, file, line, reason, detail) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""").params(job, b.file, r.line(), r.reason().name(), r.detail()).update();
        }
    }
}
