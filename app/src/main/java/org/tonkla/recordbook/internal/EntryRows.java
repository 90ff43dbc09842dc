package org.tonkla.recordbook.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.tonkla.core.development.DspmDomain;
import org.tonkla.core.development.ScreeningResult;
import org.tonkla.recordbook.HealthNote;
import org.tonkla.recordbook.Immunization;
import org.tonkla.recordbook.Measurement;
import org.tonkla.recordbook.Screening;
import tools.jackson.databind.JsonNode;

/** Mapping of the record book's rows, from result sets and from the JSON aggregates the book is read with. */
public final class EntryRows {

    public static final String MEASUREMENT_COLUMNS = """
            id, measured_on, age_days, weight_kg, length_cm, position, head_cm, arm_cm, oedema, z_wfa, z_lhfa,
            z_wflh, z_bfa, z_hcfa, z_acfa, flags, classification, unit_id, recorded_by, recorded_at""";

    private EntryRows() {}

    public static Measurement measurement(ResultSet rs, int row) throws SQLException {
        return new Measurement(rs.getObject("id", UUID.class), rs.getDate("measured_on").toLocalDate(), rs.getInt("age_days"),
                dbl(rs, "weight_kg"), dbl(rs, "length_cm"), rs.getString("position"), dbl(rs, "head_cm"),
                dbl(rs, "arm_cm"), rs.getBoolean("oedema"), dbl(rs, "z_wfa"), dbl(rs, "z_lhfa"), dbl(rs, "z_wflh"),
                dbl(rs, "z_bfa"), dbl(rs, "z_hcfa"), dbl(rs, "z_acfa"), list(rs.getString("flags")),
                list(rs.getString("classification")), rs.getObject("unit_id", UUID.class), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    public static Map<DspmDomain, ScreeningResult> domains(ResultSet rs) throws SQLException {
        var domains = new EnumMap<DspmDomain, ScreeningResult>(DspmDomain.class);
        for (DspmDomain d : DspmDomain.values()) {
            domains.put(d, ScreeningResult.valueOf(rs.getString(d.name().toLowerCase(Locale.ROOT))));
        }
        return domains;
    }

    public static Measurement fromJson(JsonNode m) {
        return new Measurement(uuid(m, "id"), date(m, "measured_on"), m.get("age_days").asInt(),
                dbl(m, "weight_kg"), dbl(m, "length_cm"), str(m, "position"), dbl(m, "head_cm"),
                dbl(m, "arm_cm"), m.get("oedema").asBoolean(), dbl(m, "z_wfa"), dbl(m, "z_lhfa"),
                dbl(m, "z_wflh"), dbl(m, "z_bfa"), dbl(m, "z_hcfa"), dbl(m, "z_acfa"), list(str(m, "flags")),
                list(str(m, "classification")), uuid(m, "unit_id"), str(m, "recorded_by"),
                OffsetDateTime.parse(str(m, "recorded_at")).toInstant());
    }

    public static Screening screening(JsonNode x) {
        var domains = new EnumMap<DspmDomain, ScreeningResult>(DspmDomain.class);
        for (DspmDomain d : DspmDomain.values()) {
            domains.put(d, ScreeningResult.valueOf(str(x, d.name().toLowerCase(Locale.ROOT))));
        }
        return new Screening(uuid(x, "id"), date(x, "screened_on"),
                x.get("key_age_months").isNull() ? null : x.get("key_age_months").asInt(), domains,
                str(x, "outcome_code"), uuid(x, "follow_up_of"), x.get("referred").asBoolean(), str(x, "recorded_by"));
    }

    public static Immunization immunization(JsonNode v) {
        return new Immunization(uuid(v, "id"), str(v, "vaccine_code"), date(v, "given_on"), str(v, "lot"),
                uuid(v, "unit_id"), str(v, "recorded_by"));
    }

    public static HealthNote note(JsonNode n) {
        return new HealthNote(uuid(n, "id"), HealthNote.Kind.valueOf(str(n, "kind")), str(n, "description"),
                date(n, "since"), date(n, "resolved_on"), str(n, "recorded_by"));
    }

    private static String str(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static UUID uuid(JsonNode node, String field) {
        String v = str(node, field);
        return v == null ? null : UUID.fromString(v);
    }

    private static LocalDate date(JsonNode node, String field) {
        String v = str(node, field);
        return v == null ? null : LocalDate.parse(v);
    }

    private static Double dbl(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? null : v.doubleValue();
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(csv.split(",")));
    }

}
