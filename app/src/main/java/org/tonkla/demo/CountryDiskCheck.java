package org.tonkla.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.registry.ChildImports;

/**
 * Before {@code ./tonkla generate --country}: is there room on the database's disk for the children still to be
 * written? A whole country runs for hours; a disk that fills at hour two leaves a half-loaded database and the time
 * lost, so the run says up front what it needs and refuses when the disk cannot hold it.
 */
@Component
class CountryDiskCheck {

    /**
     * What one generated child takes in the database with its records (8 measurements, 3 screenings, 15 vaccinations
     * on average), indexes, indicator facts, cells and quarters, and its share of the centers: 8.5 GB for 502,024
     * children (16.9 KB each; bench/README.md, "One row per child and year"), rounded up.
     */
    static final long BYTES_PER_CHILD = 18_000;
    /** Room for the write-ahead log, sorts and the indicators' rebuild on top of the data. */
    static final long HEADROOM = 4_000_000_000L;

    private final JdbcClient jdbc;
    private final ChildImports imports;

    CountryDiskCheck(JdbcClient jdbc, ChildImports imports) {
        this.jdbc = jdbc;
        this.imports = imports;
    }

    /** What the run needs and what the disk has; {@code where} is null when the database is not on this machine. */
    record Room(long children, long needed, long free, String where) {

        boolean enough() {
            return where == null || needed <= free;
        }

        String describe() {
            if (where == null) {
                return String.format(Locale.ROOT, "%,d children to write, about %s; the database is not on this machine,"
                        + " so its free space is not checked", children, gb(needed));
            }
            return String.format(Locale.ROOT, "%,d children to write need about %s (%s a child with its records and"
                    + " indicators, and %s of headroom); %s free at %s", children, gb(needed),
                    kb(BYTES_PER_CHILD), gb(HEADROOM), gb(free), where);
        }

        private static String gb(long bytes) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }

        private static String kb(long bytes) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1e3);
        }
    }

    /** The room for the children of {@code plan} (as SyntheticCountry lays them out) not yet in the database. */
    Room room(Map<String, Integer> plan, long seed) {
        long missing = 0;
        for (SyntheticCountry.PlanBatch b : SyntheticCountry.batches(plan)) {
            if (!imports.present(SyntheticCountry.childId(seed, b.to() - 1))) missing += b.to() - b.from();
        }
        long needed = missing == 0 ? 0 : missing * BYTES_PER_CHILD + HEADROOM;
        Path directory = dataDirectory();
        if (directory == null) return new Room(missing, needed, 0, null);
        try {
            return new Room(missing, needed, Files.getFileStore(directory).getUsableSpace(), directory.toString());
        } catch (IOException e) {
            return new Room(missing, needed, 0, null);
        }
    }

    /** PostgreSQL's data directory if it is on this machine (the embedded database), else null. */
    private Path dataDirectory() {
        try {
            String dir = jdbc.sql("SELECT current_setting('data_directory')").query(String.class).single();
            Path path = Path.of(dir);
            return Files.isDirectory(path) ? path : null;
        } catch (RuntimeException e) { // not allowed to read the setting (an external database's ordinary role)
            return null;
        }
    }
}
