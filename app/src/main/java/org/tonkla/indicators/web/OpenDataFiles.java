package org.tonkla.indicators.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tonkla.indicators.OpenData;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open files of a release, written once to disk and then served from there. With the whole country a release
 * holds about 1.8 million rows (every block is a full grid): built per request in memory, one anonymous download of
 * the XLSX filled a 6 GB heap and held the server (review of issue 15). Now each file is written once per release,
 * ahead of its first download or by it, whichever comes first, streaming (CSV and JSON row by row, the XLSX through POI's streaming workbook, at most a million rows a
 * sheet: Excel's limit is 1,048,576), and every later one reads it; the files of older releases are removed.
 */
@Component
class OpenDataFiles {

    /** Rows per sheet of the XLSX, under Excel's 1,048,576 with the heading. */
    static final int ROWS_PER_SHEET = 1_000_000;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OpenDataFiles.class);
    private final OpenData openData;
    private final Path directory;
    private final java.util.concurrent.ConcurrentMap<String, Object> writing = new java.util.concurrent.ConcurrentHashMap<>();

    OpenDataFiles(OpenData openData, @Value("${tonkla.data-dir}") String dataDir) {
        this.openData = openData;
        this.directory = Path.of(dataDir, "open-data");
    }

    /**
     * Writes every file of a new release on a thread of its own, so that the first download finds it on disk: the XLSX
     * of the whole country takes a minute and a half to write, longer than a harvester or a proxy waits. A file that
     * fails here is left to its first download, as before.
     */
    @org.springframework.context.event.EventListener
    void released(OpenData.Released event) {
        Thread.ofPlatform().daemon().name("open-data-files").start(() -> {
            for (OpenDataSets set : OpenDataSets.ALL) {
                for (List<String> format : OpenDataSets.FORMATS) {
                    // A newer release makes this one's files useless (and removes them): its own event writes its files.
                    if (openData.release() != event.release()) return;
                    try {
                        file(event.release(), set.id(), format.get(0).toLowerCase(java.util.Locale.ROOT));
                    } catch (RuntimeException e) {
                        if (openData.release() != event.release()) return;
                        log.warn("Open data: {}.{} not written ahead; its first download will write it", set.id(), format.get(0), e);
                    }
                }
            }
        });
    }

    /**
     * The file of {@code dataset} in {@code format} (csv, json, xlsx) of {@code release}, written if missing. One lock
     * per file: a CSV on disk is not kept waiting behind the first writing of the XLSX.
     */
    Path file(OpenData.Release release, String dataset, String format) {
        Path dir = directory.resolve(String.valueOf(release.builtAt().toEpochMilli()));
        Path file = dir.resolve(dataset + "." + format);
        if (Files.exists(file)) return file;
        synchronized (writing.computeIfAbsent(dataset + "." + format, k -> new Object())) {
            return write(release, dir, file, dataset, format);
        }
    }

    private Path write(OpenData.Release release, Path dir, Path file, String dataset, String format) {
        if (Files.exists(file)) return file;
        try {
            Files.createDirectories(dir);
            removeOlder(dir);
            Path part = Files.createTempFile(dir, dataset, ".part");
            List<OpenData.Row> rows = OpenDataController.rows(dataset, release);
            try (OutputStream out = Files.newOutputStream(part)) {
                switch (format) {
                    case "csv" -> csv(rows, out);
                    case "json" -> json(dataset, release, rows, out);
                    case "xlsx" -> xlsx(rows, out);
                    default -> throw new IllegalArgumentException(format);
                }
            }
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the files of releases older than {@code current} (never a newer one a slower writer may not know of). */
    private void removeOlder(Path current) throws IOException {
        long built = Long.parseLong(current.getFileName().toString());
        try (Stream<Path> releases = Files.list(directory)) {
            for (Path old : releases.filter(p -> p.getFileName().toString().matches("\\d{1,18}")
                    && Long.parseLong(p.getFileName().toString()) < built).toList()) {
                try (Stream<Path> files = Files.walk(old)) {
                    for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
                }
            }
        }
    }

    private static void csv(List<OpenData.Row> rows, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write('\uFEFF'); // so Excel opens the Thai names as UTF-8
        w.write(String.join(",", OpenDataController.COLUMNS));
        w.write("\r\n");
        for (OpenData.Row r : rows) {
            w.write(r.yearBe() + "," + r.provinceCode() + "," + text(r.provinceName()) + "," + r.districtCode() + ","
                    + text(r.districtName()) + "," + r.sex() + "," + r.ageGroup() + "," + r.fact() + ","
                    + (r.count() == null ? "" : r.count()) + "\r\n");
        }
        w.flush();
    }

    private static void json(String dataset, OpenData.Release release, List<OpenData.Row> rows, OutputStream out) {
        try (JsonGenerator g = JsonMapper.builder().build().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("dataset", dataset);
            g.writeStringProperty("license", OpenDataController.LICENCE_URL);
            g.writeStringProperty("released", release.builtAt().toString());
            g.writeStringProperty("withheld", "null count: withheld (small-cell protection, docs/open-data-suppression.md)");
            g.writeArrayPropertyStart("columns");
            for (String c : OpenDataController.COLUMNS) g.writeString(c);
            g.writeEndArray();
            g.writeArrayPropertyStart("rows");
            for (OpenData.Row r : rows) {
                g.writeStartObject();
                g.writeNumberProperty("year_be", r.yearBe());
                g.writeStringProperty("province_code", r.provinceCode());
                g.writeStringProperty("province_name", r.provinceName());
                g.writeStringProperty("district_code", r.districtCode());
                g.writeStringProperty("district_name", r.districtName());
                g.writeStringProperty("sex", r.sex());
                g.writeStringProperty("age_group", r.ageGroup());
                g.writeStringProperty("fact", r.fact());
                g.writeName("count");
                if (r.count() == null) g.writeNull();
                else g.writeNumber(r.count());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void xlsx(List<OpenData.Row> rows, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            book.setCompressTempFiles(true);
            Sheet sheet = null;
            int r = 0;
            int sheets = 0;
            for (OpenData.Row row : rows) {
                if (sheet == null || r > ROWS_PER_SHEET) {
                    sheet = sheet(book, ++sheets == 1 ? "data" : "data-" + sheets);
                    r = 1;
                }
                Row x = sheet.createRow(r++);
                x.createCell(0).setCellValue(row.yearBe());
                x.createCell(1).setCellValue(row.provinceCode());
                if (row.provinceName() != null) x.createCell(2).setCellValue(row.provinceName());
                x.createCell(3).setCellValue(row.districtCode());
                if (row.districtName() != null) x.createCell(4).setCellValue(row.districtName());
                x.createCell(5).setCellValue(row.sex());
                x.createCell(6).setCellValue(row.ageGroup());
                x.createCell(7).setCellValue(row.fact());
                if (row.count() != null) x.createCell(8).setCellValue(row.count()); // withheld: an empty cell
            }
            if (sheet == null) sheet(book, "data"); // no rows: the heading still says what the columns are
            book.write(out);
        }
    }

    private static Sheet sheet(SXSSFWorkbook book, String name) {
        Sheet sheet = book.createSheet(name);
        Row head = sheet.createRow(0);
        for (int c = 0; c < OpenDataController.COLUMNS.size(); c++) head.createCell(c).setCellValue(OpenDataController.COLUMNS.get(c));
        return sheet;
    }

    private static String text(String s) {
        return s == null ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
