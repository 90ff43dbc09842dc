package org.tonkla.exchange.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.tonkla.core.thai.BuddhistEra;
import org.tonkla.exchange.TemplateKind;
import org.tonkla.exchange.TemplateKind.Column;

/**
 * A filled-in template read into rows keyed by column key: an Excel workbook (first sheet) or a CSV file
 * (UTF-8, as Excel's "CSV UTF-8" saves it). The header row is found by its Thai headers or by the keys;
 * the key row under the Thai headers is skipped. Row numbers are the spreadsheet's own (1 = first row).
 */
final class TemplateSheet {

    /** One data row: its number in the sheet and its values by column key (trimmed, never null). */
    record Line(int number, Map<String, String> values) {}

    /** The rows, or the header's problem (then there are none). */
    record Read(List<Line> lines, String headerProblem) {}

    private TemplateSheet() {}

    static Read read(TemplateKind kind, byte[] content) {
        List<List<String>> cells;
        try {
            cells = isZip(content) ? xlsx(content) : csv(content);
        } catch (IOException | RuntimeException e) {
            return new Read(List.of(), "an Excel (.xlsx) or CSV file saved from the template");
        }
        int headerAt = -1;
        Map<Integer, String> keyAt = new HashMap<>();
        for (int r = 0; r < cells.size() && headerAt < 0; r++) {
            keyAt = columns(kind, cells.get(r));
            if (!keyAt.isEmpty()) headerAt = r;
        }
        if (headerAt < 0) return new Read(List.of(), "the template's header row: " + headers(kind));
        for (Column c : kind.columns()) {
            if (c.required() && !keyAt.containsValue(c.key())) return new Read(List.of(), "the column " + c.thai() + " (" + c.key() + ")");
        }
        int first = headerAt + 1;
        if (first < cells.size() && !columns(kind, cells.get(first)).isEmpty()) first++; // the key row
        List<Line> lines = new ArrayList<>();
        for (int r = first; r < cells.size(); r++) {
            List<String> row = cells.get(r);
            if (row.stream().allMatch(String::isBlank)) continue;
            Map<String, String> values = new LinkedHashMap<>();
            for (Column c : kind.columns()) values.put(c.key(), "");
            for (var e : keyAt.entrySet()) values.put(e.getValue(), e.getKey() < row.size() ? row.get(e.getKey()).strip() : "");
            lines.add(new Line(r + 1, values));
        }
        return new Read(lines, null);
    }

    static String headers(TemplateKind kind) {
        return String.join(", ", kind.columns().stream().map(Column::thai).toList());
    }

    /** The columns a row names, by cell position; empty unless it names at least one of the kind's columns. */
    private static Map<Integer, String> columns(TemplateKind kind, List<String> row) {
        Map<Integer, String> at = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            String cell = normal(row.get(i)).replaceAll("\\s*\\*$", ""); // "*": a column every row fills
            if (cell.isEmpty()) continue;
            for (Column c : kind.columns()) {
                String thai = normal(c.thai());
                int paren = thai.indexOf(" (");
                if (cell.equalsIgnoreCase(c.key()) || cell.equals(thai) || paren > 0 && cell.equals(thai.substring(0, paren))) {
                    at.put(i, c.key());
                }
            }
        }
        return at;
    }

    private static String normal(String s) {
        return s.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static boolean isZip(byte[] b) {
        return b.length > 3 && b[0] == 'P' && b[1] == 'K';
    }

    private static List<List<String>> xlsx(byte[] content) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        var format = new DataFormatter(java.util.Locale.ROOT);
        try (var book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            var sheet = book.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) cells.add(text(row.getCell(c), format));
                rows.add(cells);
            }
        }
        return rows;
    }

    /** A cell as typed: a date cell as day/month/Buddhist-era year, a whole number without decimals or exponent. */
    private static String text(Cell cell, DataFormatter format) {
        if (cell == null) return "";
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDate d = cell.getDateCellValue().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
            return d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + BuddhistEra.toBuddhistYear(d.getYear());
        }
        if (type == CellType.NUMERIC) return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        // A formula cell counts as the value Excel saved with it; without an evaluator DataFormatter would
        // answer the formula text, and a formula is never evaluated here.
        if (cell.getCellType() == CellType.FORMULA) {
            return switch (type) {
                case STRING -> cell.getRichStringCellValue().getString();
                case BOOLEAN -> String.valueOf(cell.getBooleanCellValue()).toUpperCase(java.util.Locale.ROOT);
                default -> "";
            };
        }
        return format.formatCellValue(cell);
    }

    /** RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks; a UTF-8 BOM is dropped. */
    static List<List<String>> csv(byte[] content) {
        String s = new String(content, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) s = s.substring(1);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') field.append(s.charAt(++i));
                else if (ch == '"') quoted = false;
                else field.append(ch);
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
