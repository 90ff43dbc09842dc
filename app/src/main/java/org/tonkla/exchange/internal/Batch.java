package org.tonkla.exchange.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tonkla.exchange.RejectReason;
import org.tonkla.recordbook.RecordBookImports.ImportedImmunization;
import org.tonkla.recordbook.RecordBookImports.ImportedMeasurement;
import org.tonkla.recordbook.RecordBookImports.ImportedScreening;
import org.tonkla.registry.ChildImports.ImportedChild;

/**
 * The lines of one file that are loaded in one transaction, with the checkpoint that says so: what they
 * hold, what was rejected and why, and the counts the report sums. Made the same way on every run of a
 * zip, so a resumed import loads exactly the batches an interrupted one did not.
 */
public final class Batch {

    public record Rejection(int line, RejectReason reason, String detail) {}

    final String file;
    final int no;
    int rows;
    final List<Rejection> rejections = new ArrayList<>();
    final Map<String, Long> counts = new TreeMap<>();
    final List<ImportedChild> children = new ArrayList<>();
    final List<ImportedMeasurement> measurements = new ArrayList<>();
    final List<ImportedImmunization> immunizations = new ArrayList<>();
    final List<ImportedScreening> screenings = new ArrayList<>();

    Batch(String file, int no) {
        this.file = file;
        this.no = no;
    }

    public String file() {
        return file;
    }

    public int no() {
        return no;
    }

    void reject(int line, RowFault fault) {
        rejections.add(new Rejection(line, fault.reason, fault.detail));
        count("rejected");
    }

    void count(String metric) {
        counts.merge(metric, 1L, Long::sum);
    }

    /** Cuts a file's lines into batches of about {@code size} lines; a group of lines never straddles two. */
    static final class Cutter {
        private final String file;
        private final int size;
        final List<Batch> batches = new ArrayList<>();

        Cutter(String file, int size) {
            this.file = file;
            this.size = size;
        }

        /** The batch for the next group of {@code lines} lines (counted as read). */
        Batch next(int lines) {
            if (batches.isEmpty() || batches.getLast().rows >= size) batches.add(new Batch(file, batches.size()));
            Batch b = batches.getLast();
            b.rows += lines;
            b.counts.merge("read", (long) lines, Long::sum);
            return b;
        }
    }
}
