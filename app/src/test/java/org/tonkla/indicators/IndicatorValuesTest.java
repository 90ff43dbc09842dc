package org.tonkla.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;

/**
 * Issue 15 point 6: indicator facts on three hand-computed children in 2024 (definitions.yml, THAI-RULES §2,
 * WHO cut-offs -2/+2, the MOPH EPI schedule 2566).
 */
class IndicatorValuesTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired IndicatorRefresh refresh;

    @Test
    void threeChildrenIn2024() {
        Population p = new Population(jdbc);
        // A: girl, 2 on 31 Dec 2024. Latest 2024 measurement is the September one (the February stunting no longer counts).
        UUID a = p.child("values-a", "F", LocalDate.of(2022, 3, 1), "94");
        p.growth(a, LocalDate.of(2024, 2, 1), -2.5, 0.0, 0.0);
        p.growth(a, LocalDate.of(2024, 9, 1), -1.0, 0.5, -0.5);
        // 30 months on 1 Sep 2024: 1B261 on day 5, 1B260 re-check 25 days later: followed up and age-appropriate.
        p.dspm(a, LocalDate.of(2024, 9, 5), "1B261");
        p.dspm(a, LocalDate.of(2024, 9, 30), "1B260");
        // B: boy, stunted, wasted and underweight; 30 months on 15 Dec 2024, referred at once (1B262).
        UUID b = p.child("values-b", "M", LocalDate.of(2022, 6, 15), "94");
        p.growth(b, LocalDate.of(2024, 7, 1), -2.3, -2.1, -2.2);
        p.dspm(b, LocalDate.of(2024, 12, 20), "1B262");
        // C: boy, overweight; 18 months on 10 Jul 2024, never screened; 1 year old on 10 Jan 2024 with BCG, HB and
        // three DTP-HB-Hib doses, and MMR on the birthday itself (not before it: not counted at 1 year).
        UUID c = p.child("values-c", "M", LocalDate.of(2023, 1, 10), "94");
        p.growth(c, LocalDate.of(2024, 5, 1), 0.0, 2.5, 1.0);
        p.vaccine(c, "010", LocalDate.of(2023, 1, 10));
        p.vaccine(c, "041", LocalDate.of(2023, 1, 10));
        p.vaccine(c, "091", LocalDate.of(2023, 3, 10));
        p.vaccine(c, "092", LocalDate.of(2023, 5, 10));
        p.vaccine(c, "093", LocalDate.of(2023, 7, 10));
        p.vaccine(c, "061", LocalDate.of(2024, 1, 10));
        // Three OPV records on two days: two doses of the three due by 1 year (records of one day are one dose).
        p.vaccine(c, "081", LocalDate.of(2023, 3, 10));
        p.vaccine(c, "082", LocalDate.of(2023, 3, 10));
        p.vaccine(c, "083", LocalDate.of(2023, 5, 10));
        p.referral(c, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 15), "CREATED");
        refresh.refreshDirty();

        Map<String, Long> facts = new HashMap<>();
        jdbc.sql("SELECT u.fact, sum(u.n) FROM indicator_fact f, unnest(f.facts, f.ns) u(fact, n)"
                + " WHERE f.year_ce = 2024 AND f.child_id IN (:ids) GROUP BY u.fact")
                .param("ids", List.of(a, b, c)).query((rs, i) -> facts.put(rs.getString(1), rs.getLong(2))).list();

        assertThat(facts).containsAllEntriesOf(Map.ofEntries(
                Map.entry("children", 3L),
                Map.entry("growth_hfa", 3L), Map.entry("growth_wfh", 3L), Map.entry("growth_wfa", 3L),
                Map.entry("growth_both", 3L),
                Map.entry("stunted", 1L), Map.entry("wasted", 1L), Map.entry("underweight", 1L),
                Map.entry("overweight", 1L), Map.entry("healthy", 1L),
                Map.entry("dspm_due", 3L), Map.entry("dspm_screened", 2L), Map.entry("dspm_suspected", 2L),
                Map.entry("dspm_stimulate", 1L), Map.entry("dspm_followed_30", 1L), Map.entry("dspm_age_appropriate", 1L),
                Map.entry("vacc_cohort_1", 1L), Map.entry("vacc_cohort_2", 2L),
                Map.entry("vacc_BCG_1", 1L), Map.entry("vacc_HB_1", 1L), Map.entry("vacc_DTP_1", 1L),
                Map.entry("referral_all", 1L), Map.entry("referral_open", 1L), Map.entry("referral_overdue", 1L)));
        // Facts with no child are not stored.
        assertThat(facts).doesNotContainKeys("vacc_MMR_1", "vacc_OPV_1", "vacc_IPV_1", "vacc_BCG_2", "referral_closed");
        // Age groups: completed years on 31 December 2024.
        assertThat(jdbc.sql("SELECT DISTINCT age_group FROM indicator_fact WHERE year_ce = 2024 AND child_id = :c")
                .param("c", c).query(String.class).list()).containsExactly("1");
    }
}
