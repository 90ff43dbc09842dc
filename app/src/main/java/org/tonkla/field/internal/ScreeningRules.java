package org.tonkla.field.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The screening rules of a home visit, read from {@code field_screening_rule} (thresholds, weights and the agency type
 * are data, see V121): each active rule that a child's visit meets yields a need with the agency type that must act.
 *
 * <p>The EEF rule takes the average income per member per month (≤ the configured limit, 3,000 baht) and, when the
 * PMT weights are configured, the household-status score (≥ the cut-off). The EEF has not published its weights
 * (THAI-RULES §6 [U]): until they are configured the need says the household meets the income criterion and that the
 * status items were recorded for the EEF's own scoring, never a score we made up.
 */
@Component
public class ScreeningRules {

    /** What a rule looks at for one child of a visit. {@code incomePerMember} is null without consent for it. */
    public record Facts(Double incomePerMember, Map<String, String> householdStatus, LocalDate dateOfBirth, LocalDate day,
            String identifierType, String healthCoverage, boolean disability) {}

    /** A need found: the rule, its message key, the agency type that must act, and the figures behind it. */
    public record Finding(String ruleCode, String needKey, String agencyType, String detail) {}

    private record Rule(String code, String kind, String needKey, String agencyType, JsonNode parameters) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ScreeningRules(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Finding> screen(Facts f) {
        List<Finding> out = new ArrayList<>();
        for (Rule r : rules()) {
            String detail = switch (r.kind()) {
                case "EEF_CCT" -> eef(r.parameters(), f);
                case "CHILD_SUPPORT_GRANT" -> childSupport(r.parameters(), f);
                case "NO_IDENTIFIER" -> "NATIONAL_ID".equals(f.identifierType()) ? null : f.identifierType();
                case "NO_HEALTH_COVERAGE" -> "none".equals(f.healthCoverage()) ? "" : null;
                case "DISABILITY" -> f.disability() ? "" : null;
                default -> null;
            };
            if (detail != null) out.add(new Finding(r.code(), r.needKey(), r.agencyType(), detail.isEmpty() ? null : detail));
        }
        return out;
    }

    private static String eef(JsonNode p, Facts f) {
        if (f.incomePerMember() == null) return null;
        double limit = p.path("maxIncomePerMemberMonth").asDouble();
        if (f.incomePerMember() > limit) return null;
        JsonNode pmt = p.path("pmt");
        String income = Math.round(f.incomePerMember()) + " บาท/คน/เดือน";
        if (pmt.isNull() || pmt.isMissingNode()) return income + " · PMT: ยังไม่ได้กำหนดน้ำหนัก (weights not configured)";
        double score = 0;
        for (var item : f.householdStatus().entrySet()) {
            for (String option : item.getValue().split("\\s+")) {
                score += pmt.path("weights").path(item.getKey()).path(option).asDouble(0);
            }
        }
        double cutoff = pmt.path("cutoff").asDouble();
        return score >= cutoff ? income + " · PMT " + score : null;
    }

    private static String childSupport(JsonNode p, Facts f) {
        if (f.incomePerMember() == null || f.dateOfBirth() == null) return null;
        long months = ChronoUnit.MONTHS.between(f.dateOfBirth(), f.day());
        if (months >= p.path("maxAgeMonths").asLong()) return null;
        double perYear = f.incomePerMember() * 12;
        return perYear <= p.path("maxIncomePerMemberYear").asDouble() ? Math.round(perYear) + " บาท/คน/ปี" : null;
    }

    private List<Rule> rules() {
        return jdbc.sql("SELECT code, kind, need_key, agency_type, parameters::text AS p FROM field_screening_rule WHERE active ORDER BY code")
                .query((rs, n) -> new Rule(rs.getString("code"), rs.getString("kind"), rs.getString("need_key"),
                        rs.getString("agency_type"), json.readTree(rs.getString("p"))))
                .list();
    }
}
