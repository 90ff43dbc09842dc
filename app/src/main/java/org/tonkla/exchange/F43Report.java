package org.tonkla.exchange;

import java.util.Map;
import java.util.UUID;

/**
 * What an import of one 43-file zip did, summed from its batches' checkpoints: the same after a
 * resumed run as after an uninterrupted one.
 *
 * @param status RUNNING, DONE or FAILED
 * @param files per file: rows read, accepted, duplicates of a primary key (counted once), skipped (people
 *     outside 0–6 who are not mothers, and their rows) and rejected by reason
 * @param totals persons, children, mothers, measurements, vaccinations, screenings and linked (children
 *     the registry held already from another source) accepted; {@code added_*} what was new
 */
public record F43Report(UUID jobId, String zip, String status, int batchesDone, int batches, String error,
        Map<String, FileCounts> files, Map<String, Long> totals) {

    public record FileCounts(long read, long accepted, long duplicates, long skipped, long rejected,
            Map<String, Long> rejectedBy) {}

    public boolean finished() {
        return "DONE".equals(status) || "FAILED".equals(status);
    }
}
