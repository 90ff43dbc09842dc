package org.tonkla.directory.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file as its header and rows (RFC 4180: quoted fields may hold commas, quotes and line breaks).
 * UTF-8 with or without a byte-order mark; CRLF or LF; blank lines are skipped. Row numbers are the
 * file's line numbers of the data rows as a spreadsheet shows them (the header is row 1).
 */
record CsvTable(List<String> header, List<Row> rows) {

    /** One data row; {@code get} is the trimmed value of a column, empty when the column is absent. */
    record Row(int number, Map<String, String> values) {
        String get(String column) {
            String v = values.get(column);
            return v == null ? "" : v.strip();
        }

        boolean has(String column) {
            return values.containsKey(column);
        }
    }

    boolean has(String column) {
        return header.contains(column);
    }

    static CsvTable parse(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        if (records.isEmpty()) return new CsvTable(List.of(), List.of());
        List<String> header = records.getFirst().stream().map(String::strip).toList();
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> values = records.get(r);
            if (values.stream().allMatch(String::isBlank)) continue;
            Map<String, String> map = new HashMap<>();
            for (int c = 0; c < header.size() && c < values.size(); c++) map.put(header.get(c), values.get(c));
            rows.add(new Row(r + 1, map));
        }
        return new CsvTable(header, rows);
    }
}
