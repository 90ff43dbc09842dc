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
 * Issue 15 §1: children in households eligible for cash transfers, of the children whose household's income a home
 * visit recorded (definitions.yml), on hand-counted children: the year's latest screened visit decides, a visit
 * without the income does not screen, and the programme (DCY child support grant, EEF) is counted on its own.
 */
class CashTransferIndicatorTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired IndicatorRefresh refresh;
    @Autowired Indicators indicators;

    @Test
    void theLatestScreenedVisitOfTheYearDecides() {
        Population p = new Population(jdbc);
        // A: eligible for the child support grant in March 2024.
        UUID a = p.child("cash-a", "F", LocalDate.of(2022, 3, 1), "95");
        p.homeVisit(a, LocalDate.of(2024, 3, 1), 1200.0, "dcy-csg");
        // B: eligible for both in February, but the June visit found the household above both thresholds.
        UUID b = p.child("cash-b", "M", LocalDate.of(2021, 6, 15), "95");
        p.homeVisit(b, LocalDate.of(2024, 2, 1), 1500.0, "dcy-csg", "eef-cct");
        p.homeVisit(b, LocalDate.of(2024, 6, 1), 9500.0);
        // C: visited in April without the income (no consent for it): not screened, whatever else was found.
        UUID c = p.child("cash-c", "M", LocalDate.of(2023, 1, 10), "95");
        p.homeVisit(c, LocalDate.of(2024, 4, 1), null, "no-identifier");
        // D: eligible for the EEF transfer in 2023 and not visited in 2024.
        UUID d = p.child("cash-d", "F", LocalDate.of(2020, 5, 1), "95");
        p.homeVisit(d, LocalDate.of(2023, 5, 1), 800.0, "eef-cct");
        refresh.refreshDirty();

        assertThat(facts(2024, a, b, c, d)).isEqualTo(Map.of("cash_screened", 2L, "cash_eligible", 1L, "cash_eligible_csg", 1L));
        assertThat(facts(2023, a, b, c, d)).isEqualTo(Map.of("cash_screened", 1L, "cash_eligible", 1L, "cash_eligible_eef", 1L));
    }

    @Test
    void aVisitThisQuarterCountsInTheTrendAndOnTheDashboard() {
        Population p = new Population(jdbc);
        UUID e = p.child("cash-e", "F", today().minusYears(3), "95");
        p.homeVisit(e, today().minusDays(1), 900.0, "dcy-csg");
        refresh.refreshDirty();

        LocalDate quarter = QuarterScheme.startOf(today().minusDays(1));
        assertThat(jdbc.sql("SELECT facts FROM indicator_quarter_fact WHERE child_id = :c AND quarter_start = :q")
                .param("c", e).param("q", quarter).query((rs, i) -> List.of((String[]) rs.getArray(1).getArray())).single())
                .contains("cash_screened", "cash_eligible", "cash_eligible_csg").doesNotContain("cash_eligible_eef");
        var web = session();
        web.login("admin", "tonkla-demo");
        var page = web.get("/indicators?indicator=cash_transfer_eligible&area=95&year=" + (today().minusDays(1).getYear() + 543),
                "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("เด็กในครัวเรือนที่เข้าเกณฑ์เงินอุดหนุน");
    }

    private Map<String, Long> facts(int year, UUID... children) {
        Map<String, Long> facts = new HashMap<>();
        jdbc.sql("SELECT u.fact, sum(u.n) FROM indicator_fact f, unnest(f.facts, f.ns) u(fact, n)"
                        + " WHERE f.year_ce = :y AND f.child_id IN (:ids) AND u.fact LIKE 'cash%' GROUP BY u.fact")
                .param("y", year).param("ids", List.of(children)).query((rs, i) -> facts.put(rs.getString(1), rs.getLong(2))).list();
        return facts;
    }
}
