package org.tonkla.directory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tonkla.core.thai.BuddhistEra;
import org.tonkla.directory.HealthUnitKind;
import org.tonkla.directory.ServiceUnitType;
import org.tonkla.directory.UnitStatus;
import org.tonkla.platform.InvalidInput.FieldError;

/**
 * Reads a list of units in one of three formats, told apart by the header:
 * <ul>
 * <li>{@code REGISTRY}: the MOPH registry's {@code health_office.csv} from hcode.moph.go.th (Thai headers:
 *     ชื่อ, รหัส 5 หลัก, ประเภทหน่วยบริการสุขภาพ, สังกัด, แผนก/กรม, สถานะการใช้งาน, code, รหัสอำเภอ, รหัสตำบล…);
 * <li>{@code SHIPPED}: Tonkla's own list ({@code hospcode, name_th, type_code, province_code, district_code,
 *     subdistrict_code, moo, status, hospcode9, source, source_date}; optional {@code closed_on},
 *     {@code agency_code}); the project's {@code health-units.csv} with its extra columns reads too;
 * <li>{@code SERVICE_UNITS}: the template for centers and schools ({@code unit_type, name_th, name_en,
 *     agency_code, official_code, subdistrict_code}; optional {@code status}, {@code closed_on}).
 * </ul>
 * Every bad row is named by its row and column; a file with any is refused whole.
 */
class UnitFiles {

    static final String TEMPLATE_HEADER = "unit_type,name_th,name_en,agency_code,official_code,subdistrict_code,status,closed_on";

    /** The units of a file, or the errors that refuse it. */
    record Read(String format, List<IncomingUnit> units, List<FieldError> errors) {}

    private final HealthTypes types;
    private final Set<String> areas;
    private final Map<String, String> agencyByName;
    private final Set<String> agencyCodes;
    private final List<FieldError> errors = new ArrayList<>();

    /**
     * @param areas every DOPA code in the directory
     * @param agencyByName agency codes by Thai name, for the registry's สังกัด and แผนก/กรม
     */
    UnitFiles(HealthTypes types, Set<String> areas, Map<String, String> agencyByName) {
        this.types = types;
        this.areas = areas;
        this.agencyByName = agencyByName;
        this.agencyCodes = Set.copyOf(agencyByName.values());
    }

    Read read(byte[] content, String fileName) {
        CsvTable table = CsvTable.parse(content);
        String format = table.has("รหัส 5 หลัก") ? "REGISTRY" : table.has("hospcode") ? "SHIPPED"
                : table.has("unit_type") ? "SERVICE_UNITS" : null;
        if (format == null) {
            errors.add(new FieldError("header", "the MOPH registry's health_office.csv columns (รหัส 5 หลัก, ชื่อ, …), "
                    + "Tonkla's hospcode,name_th,type_code,province_code,… or the template " + TEMPLATE_HEADER));
            return new Read(null, List.of(), errors);
        }
        List<IncomingUnit> units = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int before = errors.size();
            IncomingUnit unit = switch (format) {
                case "REGISTRY" -> registry(row, table, fileName);
                case "SHIPPED" -> shipped(row, fileName);
                default -> template(row, fileName);
            };
            if (errors.size() > before || unit == null) continue;
            Integer first = seen.putIfAbsent(unit.key(), row.number());
            if (first != null) {
                error(row, format.equals("SERVICE_UNITS") ? "official_code" : "hospcode",
                        "a unit listed once, but row " + first + " lists it too");
            } else {
                units.add(unit);
            }
        }
        if (table.rows().isEmpty()) errors.add(new FieldError("rows", "at least one unit"));
        return new Read(format, units, errors);
    }

    private IncomingUnit registry(CsvTable.Row row, CsvTable table, String fileName) {
        String hospcode = row.get("รหัส 5 หลัก");
        if (!hospcode.matches("\\d{1,5}")) return error(row, "รหัส 5 หลัก", "a HOSPCODE of up to 5 digits");
        hospcode = "0".repeat(5 - hospcode.length()) + hospcode;
        String name = name(row, "ชื่อ");
        String label = row.get("ประเภทหน่วยบริการสุขภาพ");
        String typeCode = types.codeOfLabel(label);
        Place place = place(row, "code", row.get("code"), "รหัสอำเภอ", row.get("รหัสอำเภอ"), "รหัสตำบล", row.get("รหัสตำบล"));
        String statusText = row.get("สถานะการใช้งาน");
        UnitStatus status = UnitStatus.parse(statusText).orElse(null);
        if (status == null && !statusText.isEmpty()) error(row, "สถานะการใช้งาน", "กำลังใช้งาน or a closed status (ปิด…, ยกเลิก…)");
        LocalDate closedOn = date(row, "วันที่ปิดบริการ");
        String updatedColumn = table.header().stream().filter(h -> h.startsWith("อัพเดตล่าสุด")).findFirst().orElse("");
        LocalDate updated = date(row, updatedColumn);
        if (name == null || place == null) return null;
        String agency = agencyByName.get(row.get("แผนก/กรม"));
        if (agency == null) agency = agencyByName.get(row.get("สังกัด"));
        if (agency == null) agency = types.agencyOfAffiliation(row.get("สังกัด"));
        HealthUnitKind kind = types.kind(typeCode, place.province(), name);
        if (status == UnitStatus.CLOSED && closedOn == null) closedOn = updated;
        return new IncomingUnit(row.number(), "H:" + hospcode, kind.unitType(), kind, typeCode, name, null, agency,
                place.province(), place.district(), place.subdistrict(), place.source(), moo(row.get("หมู่")), hospcode,
                blankToNull(row.get("รหัส 9 หลักใหม่")), null, null, status, closedOn, "moph_hcode_registry", updated);
    }

    private IncomingUnit shipped(CsvTable.Row row, String fileName) {
        String hospcode = row.get("hospcode");
        if (!hospcode.matches("\\d{5}")) return error(row, "hospcode", "a 5-digit HOSPCODE");
        String name = name(row, "name_th");
        String typeCode = blankToNull(row.get("type_code"));
        if (typeCode != null && !typeCode.matches("\\d{2}")) error(row, "type_code", "a 2-digit MOPH type code or blank");
        Place place = place(row, "province_code", row.get("province_code"), "district_code", row.get("district_code"),
                "subdistrict_code", row.get("subdistrict_code"));
        UnitStatus status = status(row, "status");
        LocalDate closedOn = date(row, "closed_on");
        LocalDate sourceDate = date(row, row.has("source_date") ? "source_date" : "");
        if (sourceDate == null && row.get("source_note").startsWith("registry_updated=")) {
            sourceDate = LocalDate.parse(row.get("source_note").substring("registry_updated=".length()));
        }
        String agency = agency(row, "agency_code", false);
        if (name == null || place == null) return null;
        HealthUnitKind kind = types.kind(typeCode, place.province(), name);
        String hospcode9 = blankToNull(row.has("hospcode9") ? row.get("hospcode9") : row.get("hospcode9_new"));
        String source = row.get("source").isEmpty() ? fileName : row.get("source");
        return new IncomingUnit(row.number(), "H:" + hospcode, kind.unitType(), kind, typeCode, name, null, agency,
                place.province(), place.district(), place.subdistrict(), place.source(), moo(row.get("moo")), hospcode,
                hospcode9, null, null, status, status == UnitStatus.CLOSED && closedOn == null ? sourceDate : closedOn,
                source, sourceDate);
    }

    private IncomingUnit template(CsvTable.Row row, String fileName) {
        ServiceUnitType type = ServiceUnitType.parse(row.get("unit_type"))
                .filter(t -> t == ServiceUnitType.EARLY_CHILDHOOD_CENTER || t == ServiceUnitType.KINDERGARTEN
                        || t == ServiceUnitType.SCHOOL).orElse(null);
        if (type == null) error(row, "unit_type", "EARLY_CHILDHOOD_CENTER, KINDERGARTEN or SCHOOL");
        String name = name(row, "name_th");
        String agency = agency(row, "agency_code", true);
        String code = row.get("official_code");
        boolean school = type == ServiceUnitType.KINDERGARTEN || type == ServiceUnitType.SCHOOL;
        if (school && !code.matches("\\d{8,10}")) error(row, "official_code", "the school's MOE code of 8-10 digits");
        if (!school && !code.isEmpty() && !code.matches("[0-9A-Za-z-]{1,20}")) {
            error(row, "official_code", "the center's code: up to 20 letters, digits or hyphens, or blank");
        }
        String sub = row.get("subdistrict_code");
        if (!areas.contains(sub) || sub.length() != 6) error(row, "subdistrict_code", "a 6-digit DOPA subdistrict code");
        UnitStatus status = status(row, "status");
        LocalDate closedOn = date(row, "closed_on");
        if (type == null || name == null || agency == null || !areas.contains(sub) || sub.length() != 6) return null;
        String key = school ? "S:" + code : !code.isEmpty() ? "C:" + code : "N:" + type + "|" + sub + "|" + name;
        return new IncomingUnit(row.number(), key, type, null, null, name, blankToNull(row.get("name_en")), agency,
                sub.substring(0, 2), sub.substring(0, 4), sub, null, null, null, null, school ? code : null,
                school || code.isEmpty() ? null : code, status, closedOn, fileName, null);
    }

    /** A place as far as it is known; codes that are not DOPA codes are kept as given, never guessed. */
    record Place(String province, String district, String subdistrict, String source) {}

    private Place place(CsvTable.Row row, String pCol, String p, String dCol, String d, String sCol, String s) {
        if (!p.matches("\\d{2}") || !areas.contains(p)) return error(row, pCol, "one of the 77 two-digit province codes");
        d = d.matches("0*") ? "" : d;
        s = s.matches("0*") ? "" : s;
        if (!d.isEmpty() && !(d.matches("\\d{4}") && d.startsWith(p))) {
            return error(row, dCol, "blank or a 4-digit district code starting with the province code " + p);
        }
        if (!s.isEmpty() && !(s.matches("\\d{6}") && s.startsWith(d.isEmpty() ? p : d))) {
            return error(row, sCol, "blank or a 6-digit subdistrict code starting with the district code");
        }
        String district = areas.contains(d) ? d : null;
        String subdistrict = areas.contains(s) && (d.isEmpty() || district != null) ? s : null;
        if (subdistrict != null && district == null) district = s.substring(0, 4);
        String source = !s.isEmpty() && subdistrict == null ? s : !d.isEmpty() && district == null ? d : null;
        return new Place(p, district, subdistrict, source);
    }

    private String name(CsvTable.Row row, String column) {
        String name = row.get(column).replaceAll("\\s+", " ");
        if (name.isEmpty() || name.length() > 300) return error(row, column, "the unit's name, 1-300 characters");
        return name;
    }

    private String agency(CsvTable.Row row, String column, boolean required) {
        String code = row.get(column);
        if (code.isEmpty() && !required) return null;
        if (!agencyCodes.contains(code)) return error(row, column, "the code of an agency in the directory (e.g. DLA, OBEC, MOPH)");
        return code;
    }

    private UnitStatus status(CsvTable.Row row, String column) {
        String text = row.get(column);
        UnitStatus status = UnitStatus.parse(text).orElse(null);
        if (status == null && !text.isEmpty()) error(row, column, "active, closed or blank");
        return status;
    }

    /** ISO {@code 2024-03-19}, or day/month/year with a CE year (the registry: {@code 19/3/2024}) or a BE one. */
    private LocalDate date(CsvTable.Row row, String column) {
        String text = row.get(column);
        if (text.isEmpty()) return null;
        try {
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) return LocalDate.parse(text);
            String[] parts = text.split("/");
            if (parts.length == 3 && text.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                int year = Integer.parseInt(parts[2]);
                if (year > 2400) return BuddhistEra.parse(text);
                return LocalDate.of(year, Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
            }
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            // reported below
        }
        return error(row, column, "a date: 2024-03-19, 19/3/2024 or 19/3/2567");
    }

    private static String moo(String text) {
        String t = text.replaceFirst("^0+", "");
        return t.matches("\\d{1,3}") ? t : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private <T> T error(CsvTable.Row row, String column, String expected) {
        errors.add(new FieldError("row " + row.number() + " " + column, expected));
        return null;
    }
}
