package org.tonkla.core.standard;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a catalogue of the standard from a CSV text or from rows of cells (an Excel sheet read by
 * the app), checking every cell and reporting every error by row and column.
 *
 * <p>The first row is the header; columns may come in any order, and these are required:
 * <pre>
 * version, standard, standard_title, indicator, age_group, indicator_title, item, item_text, item_kind, status, source
 * </pre>
 * One row per item. A row with blank {@code item}, {@code item_text} and {@code item_kind} declares
 * an indicator whose items are not listed. Rows repeat the standard's and indicator's titles; they
 * must agree. Rules checked:
 * <ul>
 *   <li>{@code version}: the same non-blank tag on every row;
 *   <li>{@code standard}: 1, 2 or 3;
 *   <li>{@code indicator}: {@code <standard>.<n>}, e.g. {@code 1.4};
 *   <li>{@code age_group}: blank for Standards 1–2, {@code ก} or {@code ข} for Standard 3;
 *   <li>{@code item}: {@code <indicator>.<n>}, each once per age group;
 *   <li>{@code item_kind}: {@code RATED} or {@code DSPM_OUTCOME};
 *   <li>{@code status}: {@code V}, {@code P} or {@code U} (THAI-RULES labels).
 * </ul>
 * Blank rows are skipped. Cells are trimmed.
 */
public final class CatalogueReader {

    /** The required header names. */
    public static final List<String> COLUMNS = List.of("version", "standard", "standard_title", "indicator",
            "age_group", "indicator_title", "item", "item_text", "item_kind", "status", "source");

    private CatalogueReader() {}

    /** Reads CSV text (UTF-8 decoding is the caller's; a byte-order mark is ignored). */
    public static CatalogueImport read(Reader csv) {
        Objects.requireNonNull(csv, "csv");
        return fromRows(CsvRows.parse(csv));
    }

    /**
     * Reads rows of cells, header first; {@code null} cells count as blank.
     *
     * @return the catalogue, or every error found (never both)
     */
    public static CatalogueImport fromRows(List<List<String>> rows) {
        Objects.requireNonNull(rows, "rows");
        List<ImportError> errors = new ArrayList<>();
        if (rows.isEmpty()) {
            return new CatalogueImport.Rejected(List.of(new ImportError(1, "", "", "a header row: " + String.join(",", COLUMNS))));
        }
        Map<String, Integer> columnIndex = new LinkedHashMap<>();
        List<String> header = rows.getFirst();
        for (int i = 0; i < header.size(); i++) {
            String name = cell(header, i);
            if (!name.isEmpty()) columnIndex.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), i);
        }
        for (String column : COLUMNS) {
            if (!columnIndex.containsKey(column)) errors.add(new ImportError(1, column, "", "a column named " + column));
        }
        if (!errors.isEmpty()) return new CatalogueImport.Rejected(errors);

        Builder builder = new Builder();
        for (int r = 1; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) continue;
            Row row = new Row(r + 1, cells, columnIndex, errors);
            builder.add(row);
        }
        if (builder.version == null && errors.isEmpty()) {
            errors.add(new ImportError(2, "", "", "at least one indicator row"));
        }
        return errors.isEmpty()
                ? new CatalogueImport.Accepted(builder.build())
                : new CatalogueImport.Rejected(errors);
    }

    private static String cell(List<String> cells, int index) {
        if (index >= cells.size() || cells.get(index) == null) return "";
        return cells.get(index).strip();
    }

    /** One data row with typed, checked access to its cells; errors go to the shared list. */
    private static final class Row {
        final int number;
        final List<String> cells;
        final Map<String, Integer> columns;
        final List<ImportError> errors;
        final int errorsBefore;

        Row(int number, List<String> cells, Map<String, Integer> columns, List<ImportError> errors) {
            this.number = number;
            this.cells = cells;
            this.columns = columns;
            this.errors = errors;
            this.errorsBefore = errors.size();
        }

        String text(String column) {
            return cell(cells, columns.get(column));
        }

        String required(String column, String expected) {
            String value = text(column);
            if (value.isEmpty()) error(column, value, expected);
            return value;
        }

        void error(String column, String found, String expected) {
            errors.add(new ImportError(number, column, found, expected));
        }

        boolean ok() {
            return errors.size() == errorsBefore;
        }
    }

    /** Accumulates rows into standards → indicators → items, checking consistency across rows. */
    private static final class Builder {
        String version;
        final Map<Integer, String> standardTitles = new LinkedHashMap<>();
        final Map<String, IndicatorDraft> indicators = new LinkedHashMap<>();
        final Map<String, Integer> itemRows = new LinkedHashMap<>();

        void add(Row row) {
            String rowVersion = row.required("version", "a version tag");
            if (!rowVersion.isEmpty()) {
                if (version == null) version = rowVersion;
                else if (!version.equals(rowVersion)) row.error("version", rowVersion, "the same version as row 2 (" + version + ")");
            }
            int standard = standardNumber(row);
            String standardTitle = row.required("standard_title", "the standard's Thai title");
            String indicatorCode = row.text("indicator");
            if (standard > 0 && !indicatorCode.matches(standard + "\\.[1-9][0-9]?")) {
                row.error("indicator", indicatorCode, "an indicator code of standard " + standard + " such as " + standard + ".1");
            }
            AgeGroup group = ageGroup(row, standard);
            String indicatorTitle = row.required("indicator_title", "the indicator's Thai title");
            Evidence evidence = evidence(row);
            String item = row.text("item");
            String itemText = row.text("item_text");
            String kindText = row.text("item_kind");
            boolean itemRow = !(item.isEmpty() && itemText.isEmpty() && kindText.isEmpty());
            ItemKind kind = null;
            if (itemRow) {
                if (!item.matches(java.util.regex.Pattern.quote(indicatorCode) + "\\.[1-9][0-9]?")) {
                    row.error("item", item, "an item code of indicator " + indicatorCode + " such as " + indicatorCode + ".1");
                }
                if (itemText.isEmpty()) row.error("item_text", itemText, "the item's Thai wording");
                try {
                    kind = ItemKind.valueOf(kindText);
                } catch (IllegalArgumentException e) {
                    row.error("item_kind", kindText, "RATED or DSPM_OUTCOME");
                }
            }
            if (!row.ok()) return;

            String knownTitle = standardTitles.putIfAbsent(standard, standardTitle);
            if (knownTitle != null && !knownTitle.equals(standardTitle)) {
                row.error("standard_title", standardTitle, "the same title as earlier rows of standard " + standard);
            }
            String indicatorKey = group == AgeGroup.ALL ? indicatorCode : indicatorCode + " " + group.suffix();
            IndicatorDraft draft = indicators.get(indicatorKey);
            if (draft == null) {
                draft = new IndicatorDraft(standard, indicatorCode, group, indicatorTitle, itemRow ? null : evidence);
                indicators.put(indicatorKey, draft);
            } else if (!draft.title.equals(indicatorTitle)) {
                row.error("indicator_title", indicatorTitle, "the same title as earlier rows of indicator " + indicatorKey);
            }
            if (!itemRow) {
                draft.evidence = evidence;
                return;
            }
            String itemKey = group == AgeGroup.ALL ? item : item + " " + group.suffix();
            Integer earlier = itemRows.putIfAbsent(itemKey, row.number);
            if (earlier != null) {
                row.error("item", item, "an item code not already used (row " + earlier + ")");
                return;
            }
            draft.items.add(new CatalogueItem(item, group, itemText, kind, evidence, row.text("source")));
        }

        StandardCatalogue build() {
            List<Standard> standards = new ArrayList<>();
            for (Map.Entry<Integer, String> s : standardTitles.entrySet()) {
                List<Indicator> list = indicators.values().stream()
                        .filter(d -> d.standard == s.getKey())
                        .map(d -> new Indicator(d.code, d.group, d.title,
                                d.evidence != null ? d.evidence : weakest(d.items), d.items))
                        .toList();
                standards.add(new Standard(s.getKey(), s.getValue(), list));
            }
            standards.sort(java.util.Comparator.comparingInt(Standard::number));
            return new StandardCatalogue(version, standards);
        }

        // An indicator declared only through its items is as firm as its weakest item.
        private static Evidence weakest(List<CatalogueItem> items) {
            return items.stream().map(CatalogueItem::evidence).max(Enum::compareTo).orElse(Evidence.UNVERIFIED);
        }

        private static int standardNumber(Row row) {
            String text = row.text("standard");
            if (!text.matches("[123]")) {
                row.error("standard", text, "1, 2 or 3");
                return 0;
            }
            return Integer.parseInt(text);
        }

        private static AgeGroup ageGroup(Row row, int standard) {
            String text = row.text("age_group");
            if (standard == 3) {
                if (text.equals("ก")) return AgeGroup.UNDER_THREE;
                if (text.equals("ข")) return AgeGroup.THREE_TO_SIX;
                row.error("age_group", text, "ก (birth to under 3) or ข (3–6 years) for standard 3");
            } else if (!text.isEmpty()) {
                row.error("age_group", text, "a blank cell: only standard 3 is split by age group");
            }
            return AgeGroup.ALL;
        }

        private static Evidence evidence(Row row) {
            String text = row.text("status");
            try {
                return Evidence.ofLabel(text);
            } catch (IllegalArgumentException e) {
                row.error("status", text, "V, P or U");
                return Evidence.UNVERIFIED;
            }
        }
    }

    private static final class IndicatorDraft {
        final int standard;
        final String code;
        final AgeGroup group;
        final String title;
        Evidence evidence;
        final List<CatalogueItem> items = new ArrayList<>();

        IndicatorDraft(int standard, String code, AgeGroup group, String title, Evidence evidence) {
            this.standard = standard;
            this.code = code;
            this.group = group;
            this.title = title;
            this.evidence = evidence;
        }
    }
}
