package org.tonkla.exchange;

import java.util.List;

/**
 * The spreadsheet templates centers and schools fill in (issue 14 §5). Each file has a Thai header row, a
 * row of column keys under it (so a sheet whose Thai headers were retyped still reads), then one row per
 * child or measurement. Dates are day/month/Buddhist-era year, as Thai offices write them.
 */
public enum TemplateKind {

    /** New children registered at the unit, with where the family lives. */
    CHILDREN(Shared.with(Shared.CHILD,
            Shared.CLASS_NAME,
            new Column("started_on", "วันที่เข้าเรียน (วว/ดด/ปปปป พ.ศ.)", false, "16/05/2568"),
            new Column("house_no", "บ้านเลขที่", false, "12/3"),
            new Column("subdistrict_code", "รหัสตำบล (6 หลัก)", false, "400101"))),

    /** Children who come to the unit (enrolled), registered here or elsewhere already. */
    ENROLMENTS(Shared.with(Shared.CHILD,
            Shared.CLASS_NAME,
            new Column("started_on", "วันที่เข้าเรียน (วว/ดด/ปปปป พ.ศ.)", true, "16/05/2568"))),

    /** Weight, length or height and head circumference of children at the unit. */
    MEASUREMENTS(List.of(
            Shared.NATIONAL_ID,
            new Column("measured_on", "วันที่ชั่ง/วัด (วว/ดด/ปปปป พ.ศ.)", true, "10/11/2569"),
            new Column("weight_kg", "น้ำหนัก (กก.)", false, "12.4"),
            new Column("length_cm", "ส่วนสูง/ความยาว (ซม.)", false, "88.5"),
            new Column("position", "ท่าวัด (นอน/ยืน)", false, "ยืน"),
            new Column("head_cm", "รอบศีรษะ (ซม.)", false, "47.0")));

    /** A column: its key (second row), its Thai header (first row), whether a row must fill it, an example. */
    public record Column(String key, String thai, boolean required, String example) {}

    /** Columns several kinds share (a holder class: enum constants may not read the enum's own static fields). */
    private static final class Shared {
        static final Column NATIONAL_ID = new Column("national_id", "เลขประจำตัวประชาชน", true, "1234567890121");
        static final Column CLASS_NAME = new Column("class_name", "ห้องเรียน", false, "อนุบาล 1");
        /** Who the child is: what registering or finding a child needs. */
        static final List<Column> CHILD = List.of(NATIONAL_ID,
                new Column("given_name", "ชื่อ", true, "ด.ญ.สมใจ"),
                new Column("family_name", "นามสกุล", true, "ใจดี"),
                new Column("sex", "เพศ (ช/ญ)", true, "ญ"),
                new Column("birth_date", "วันเกิด (วว/ดด/ปปปป พ.ศ.)", true, "15/03/2566"));

        static List<Column> with(List<Column> first, Column... more) {
            var all = new java.util.ArrayList<>(first);
            all.addAll(List.of(more));
            return List.copyOf(all);
        }
    }

    private final List<Column> columns;

    TemplateKind(List<Column> columns) {
        this.columns = columns;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The Thai header of the column {@code key}, or the key itself when the kind has no such column. */
    public String header(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).map(Column::thai).findFirst().orElse(key);
    }

    /** The name in URLs and file names: children, enrolments, measurements. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static java.util.Optional<TemplateKind> ofSlug(String slug) {
        for (TemplateKind k : values()) if (k.slug().equals(slug)) return java.util.Optional.of(k);
        return java.util.Optional.empty();
    }
}
