package org.tonkla.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.IntegrationTest;
import org.tonkla.field.internal.ScreeningRules;
import org.tonkla.field.internal.ScreeningRules.Facts;
import org.tonkla.field.internal.ScreeningRules.Finding;

/**
 * The screening rules are data (THAI-RULES §6): the EEF income limit of 3,000 baht per member per month, PMT weights
 * that are configuration (none shipped, since the EEF has not published them), and the child support grant's
 * 100,000 baht per member per year for children under six. Each test changes the rows in its own transaction,
 * rolled back afterwards.
 */
class ScreeningRulesTest extends IntegrationTest {

    @Autowired ScreeningRules rules;
    @Autowired JdbcClient jdbc;

    static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    static Facts household(double incomePerMember, Map<String, String> status, LocalDate born) {
        return new Facts(incomePerMember, status, born, DAY, "NATIONAL_ID", "ucs", false);
    }

    @Test
    @Transactional
    void theEefIncomeLimitIsInclusiveAndWithoutWeightsNoScoreIsMadeUp() {
        var at = rules.screen(household(3000, Map.of(), DAY.minusYears(2)));
        assertThat(at).extracting(Finding::ruleCode).contains("eef-cct");
        assertThat(at.stream().filter(f -> f.ruleCode().equals("eef-cct")).findFirst().orElseThrow().detail())
                .contains("3000 บาท/คน/เดือน", "weights not configured");
        assertThat(rules.screen(household(3001, Map.of(), DAY.minusYears(2)))).extracting(Finding::ruleCode)
                .doesNotContain("eef-cct");
    }

    @Test
    @Transactional
    void configuredPmtWeightsDecideTogetherWithIncome() {
        jdbc.sql("""
                UPDATE field_screening_rule SET parameters = '{"maxIncomePerMemberMonth": 3000,
                  "pmt": {"weights": {"water": {"rain_stream": 3, "well": 2}, "electricity": {"none": 4}}, "cutoff": 5}}'
                 WHERE code = 'eef-cct'""").update();
        var poor = rules.screen(household(2000, Map.of("water", "rain_stream", "electricity", "none"), DAY.minusYears(2)));
        assertThat(poor).extracting(Finding::ruleCode).contains("eef-cct");
        var better = rules.screen(household(2000, Map.of("water", "well", "electricity", "meter"), DAY.minusYears(2)));
        assertThat(better).extracting(Finding::ruleCode).doesNotContain("eef-cct");
    }

    @Test
    @Transactional
    void theChildSupportGrantTakesTheYearlyLimitAndTheChildsAge() {
        // 8,333 baht a month is 99,996 a year: within 100,000; 8,400 (100,800) is not.
        assertThat(rules.screen(household(8333, Map.of(), DAY.minusYears(5)))).extracting(Finding::ruleCode).contains("dcy-csg");
        assertThat(rules.screen(household(8400, Map.of(), DAY.minusYears(5)))).extracting(Finding::ruleCode).doesNotContain("dcy-csg");
        assertThat(rules.screen(household(1000, Map.of(), DAY.minusYears(6)))).extracting(Finding::ruleCode).doesNotContain("dcy-csg");
        jdbc.sql("UPDATE field_screening_rule SET active = false WHERE code = 'dcy-csg'").update();
        assertThat(rules.screen(household(1000, Map.of(), DAY.minusYears(2)))).extracting(Finding::ruleCode).doesNotContain("dcy-csg");
    }

    @Test
    @Transactional
    void identifierCoverageAndDisabilityNeedsNameTheAgencyThatMustAct() {
        var findings = rules.screen(new Facts(null, Map.of(), DAY.minusYears(1), DAY, "G_CODE", "none", true));
        assertThat(findings).extracting(Finding::ruleCode, Finding::agencyType).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("disability", "MSDHS"),
                org.assertj.core.groups.Tuple.tuple("no-health-coverage", "MOPH"),
                org.assertj.core.groups.Tuple.tuple("no-identifier", "DOPA"));
    }
}
