package org.tonkla.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;

/**
 * Issue 15 §2, quarterly trends: values of two quarters counted by hand on a population of its own (a subdistrict of
 * Yala no other test writes to), each quarter with the same fact rules as a year (definitions.yml), and the quarters'
 * Thai fiscal-year names (THAI-RULES §8.5: 1 Oct – 30 Sep, named by the B.E. year it ends in).
 */
class QuarterTrendTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired IndicatorRefresh refresh;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    void quartersAreNamedByTheFiscalYearTheyEndIn() {
        // Oct-Dec 2025 is the first quarter of fiscal year 2569 (Oct 2025 - Sep 2026); Jul-Sep 2026 its fourth.
        assertThat(QuarterScheme.FISCAL.number(LocalDate.of(2025, 10, 1))).isEqualTo(1);
        assertThat(QuarterScheme.FISCAL.yearBe(LocalDate.of(2025, 10, 1))).isEqualTo(2569);
        assertThat(QuarterScheme.FISCAL.number(LocalDate.of(2026, 1, 1))).isEqualTo(2);
        assertThat(QuarterScheme.FISCAL.yearBe(LocalDate.of(2026, 1, 1))).isEqualTo(2569);
        assertThat(QuarterScheme.FISCAL.number(LocalDate.of(2026, 7, 1))).isEqualTo(4);
        assertThat(QuarterScheme.FISCAL.yearBe(LocalDate.of(2026, 7, 1))).isEqualTo(2569);
        // The calendar scheme names the same span the fourth quarter of 2568.
        assertThat(QuarterScheme.CALENDAR.number(LocalDate.of(2025, 10, 1))).isEqualTo(4);
        assertThat(QuarterScheme.CALENDAR.yearBe(LocalDate.of(2025, 10, 1))).isEqualTo(2568);
        assertThat(QuarterScheme.startOf(LocalDate.of(2025, 11, 30))).isEqualTo(LocalDate.of(2025, 10, 1));
    }

    @Test
    void eachQuarterCountsItsOwnMeasurementsKeyAgesAndBirthdays() {
        String subdistrict = jdbc.sql("SELECT code FROM area WHERE code LIKE '9501%' AND length(code) = 6 ORDER BY code LIMIT 1")
                .query(String.class).single();
        Population p = new Population(jdbc);
        UUID household = p.household("quarter-household", subdistrict, "95");
        // Two whole quarters before today's (so every date below is in the past): q1 and q2 = q1 + 3 months.
        LocalDate q1 = QuarterScheme.startOf(today()).minusMonths(9);
        LocalDate q2 = q1.plusMonths(3);

        // Stunting (latest measurement of the quarter, length/height-for-age z < -2):
        // X is measured twice in q1, stunted first, not at the latest: q1 not stunted. In q2 X is stunted.
        UUID x = child(p, household, "x", "F", q1.minusYears(2));
        p.growth(x, q1.plusDays(10), -2.5, 0.0, 0.0);
        p.growth(x, q1.plusDays(40), -1.0, 0.0, 0.0);
        p.growth(x, q2.plusDays(5), -2.4, 0.0, 0.0);
        // Y is stunted in q1 and not measured in q2; Z and W are measured in q2 only, not stunted.
        UUID y = child(p, household, "y", "M", q1.minusYears(3));
        p.growth(y, q1.plusDays(20), -3.0, 0.0, 0.0);
        UUID z = child(p, household, "z", "M", q1.minusYears(1));
        p.growth(z, q2.plusDays(30), 0.5, 0.0, 0.0);
        UUID w = child(p, household, "w", "F", q1.minusYears(4));
        p.growth(w, q2.plusDays(50), 0.0, 0.0, 0.0);
        // => q1: stunted 1 (Y) of measured 2 (X, Y) = 50.0 %; q2: 1 (X) of 3 (X, Z, W) = 33.3 %.

        // DSPM coverage (a key age reached in the quarter, screened within 30 days of it):
        // U is 9 months on q1 + 15 days and screened 5 days later: due and screened in q1.
        UUID u = child(p, household, "u", "M", q1.plusDays(15).minusMonths(9));
        p.dspm(u, q1.plusDays(20), "1B260");
        // V is 18 months on q2 + 85 days and screened 10 days later, in the next quarter: it counts in q2, the
        // quarter of the key age. T is 30 months on q2 + 10 days and never screened.
        UUID v = child(p, household, "v", "F", q2.plusDays(85).minusMonths(18));
        p.dspm(v, q2.plusDays(95), "1B260");
        child(p, household, "t", "M", q2.plusDays(10).minusMonths(30));
        // No other child has a key age in q1 or q2 (X: 30 months at q1 + 6 months; Y: 42 months at q1 + 6 months;
        // Z: 18 months at q1 + 6 months; W: 60 months a year after q1).
        // => q1: 1 screened of 1 due = 100.0 %; q2: 1 of 2 = 50.0 %.

        // BCG at 1 year (birthday in the quarter, the dose before it): Z's first birthday is q1 (BCG at birth);
        // U's is q1 + 15 days + 3 months, in q2, without BCG. => q1: 1 of 1 = 100.0 %; q2: 0 of 1 = 0.0 %.
        p.vaccine(z, "010", q1.minusYears(1));
        refresh.refreshDirty();

        var admin = session();
        admin.login("admin", "tonkla-demo");
        String n1 = "ไตรมาส" + QuarterScheme.FISCAL.number(q1) + "/" + QuarterScheme.FISCAL.yearBe(q1);
        String n2 = "ไตรมาส" + QuarterScheme.FISCAL.number(q2) + "/" + QuarterScheme.FISCAL.yearBe(q2);
        // The subdistrict's own columns come first in each row.
        assertThat(trend(admin, "stunting", subdistrict)).contains(row(n1, 1, 2, "50.0"), row(n2, 1, 3, "33.3"));
        assertThat(trend(admin, "dspm_coverage", subdistrict)).contains(row(n1, 1, 1, "100.0"), row(n2, 1, 2, "50.0"));
        assertThat(trend(admin, "vaccine_BCG_1", subdistrict)).contains(row(n1, 1, 1, "100.0"), row(n2, 0, 1, "0.0"));
        // Eight quarters, the oldest first and today's last.
        String stunting = trend(admin, "stunting", subdistrict);
        assertThat(stunting.split("<thscope=\"row\">").length - 1).isEqualTo(8);
        LocalDate now = QuarterScheme.startOf(today());
        assertThat(stunting).contains("ไตรมาส" + QuarterScheme.FISCAL.number(now) + "/" + QuarterScheme.FISCAL.yearBe(now) + "</th>");
        // The subdistrict is compared with its district too, as its table is: a group of columns under the district's name.
        String districtName = jdbc.sql("SELECT name_th FROM area WHERE code = :c").param("c", subdistrict.substring(0, 4))
                .query(String.class).single();
        assertThat(stunting).contains("<thcolspan=\"3\">" + districtName.replaceAll("\\s+", "") + "</th>");
        // The district and the province hold the subdistrict's children too (each counted in every area it lies in).
        String district = trend(admin, "stunting", subdistrict.substring(0, 4));
        assertThat(district).contains(row(n2, 1, 3, "33.3"));

        // The dashboard's workbook carries the same trend on a second sheet, row per quarter (the area's columns first).
        var workbook = trendSheet(admin, "stunting", subdistrict);
        assertThat(workbook).containsEntry(n1, java.util.List.of(1.0, 2.0, 50.0)).containsEntry(n2, java.util.List.of(1.0, 3.0, 33.3))
                .hasSize(8);

        // The protection indicators count a state of every child, kept per year only: no trend, said so.
        String protection = admin.get("/indicators?indicator=protection_vulnerable&area=" + subdistrict, "text/html").body();
        assertThat(protection).contains("id=\"quarter-none\"").doesNotContain("id=\"quarter-table\"");
        // Another province's officer gets nothing of it, as the dashboard.
        var chiangMai = session();
        chiangMai.login("officer.chiangmai", "tonkla-demo");
        assertThat(chiangMai.get("/indicators?indicator=stunting&area=" + subdistrict, "text/html").statusCode()).isEqualTo(403);
    }

    @Test
    void theTrendReadsRangesOfTheIndexNotTheTable() {
        // The province dashboard must stay within 100 ms on a whole country: the trend's read must narrow the index on
        // area, fact and quarter. With sequential scans priced out, a plan that cannot do so still shows a Seq Scan or
        // an index condition without the quarter.
        String plan = tx.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN " + QuarterTrend.SQL).param("areas", java.util.List.of("4001", "40", ""))
                    .param("num", "stunted").param("den", "growth_hfa").param("from", today().minusYears(2)).param("today", today())
                    .query(String.class).list());
        });
        assertThat(plan).contains("indicator_quarter_cell_pkey").doesNotContain("Seq Scan");
        assertThat(plan).containsPattern("Index Cond: .*area_code.*fact.*quarter_start");
    }

    private UUID child(Population p, UUID household, String key, String sex, LocalDate born) {
        UUID child = p.child("quarter-" + key, sex, born, "95");
        p.livesIn(child, household);
        return child;
    }

    private static String trend(WebClientSession session, String indicator, String area) {
        String page = session.get("/indicators?indicator=" + indicator + "&area=" + area, "text/html").body();
        String table = page.substring(page.indexOf("id=\"quarter-table\""));
        return table.substring(0, table.indexOf("</table>")).replaceAll("\\s+", "");
    }

    /** The trend sheet of /indicators/export.xlsx: quarter name (spaces removed) to the area's numerator, denominator, %. */
    private java.util.Map<String, java.util.List<Double>> trendSheet(WebClientSession session, String indicator, String area) {
        try {
            var xlsx = java.net.http.HttpClient.newBuilder().cookieHandler(session.cookies()).build().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                            + "/indicators/export.xlsx?indicator=" + indicator + "&area=" + area)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(xlsx.statusCode()).isEqualTo(200);
            try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
                assertThat(book.getSheetName(1)).isEqualTo("แนวโน้มรายไตรมาส");
                var sheet = book.getSheetAt(1);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("ไตรมาส");
                var rows = new java.util.LinkedHashMap<String, java.util.List<Double>>();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    var row = sheet.getRow(r);
                    rows.put(row.getCell(0).getStringCellValue().replaceAll("\\s+", ""), java.util.List.of(
                            row.getCell(1).getNumericCellValue(), row.getCell(2).getNumericCellValue(),
                            // no percentage (nobody in the denominator) is an empty text cell
                            row.getCell(3).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                    ? row.getCell(3).getNumericCellValue() : -1.0));
                }
                return rows;
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String row(String quarter, long numerator, long denominator, String percent) {
        return "<thscope=\"row\">" + quarter + "</th><td>" + numerator + "</td><td>" + denominator + "</td><td>" + percent + "</td>";
    }
}
