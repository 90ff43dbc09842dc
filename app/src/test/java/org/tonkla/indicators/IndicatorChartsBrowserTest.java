package org.tonkla.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.browser.Browser;

/**
 * Issue 15 §2: the province dashboard draws the indicator per district as a chart beside the province's and the
 * country's value and as a map of the province's districts, and the quarterly trend as a line chart; the officer
 * downloads each as a PNG image.
 */
class IndicatorChartsBrowserTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired IndicatorRefresh refresh;

    @Test
    void anOfficerSeesTheChartAndMapOfTheirProvinceAndDownloadsThemAsImages() throws Exception {
        String subdistrict = jdbc.sql("SELECT code FROM area WHERE code LIKE '4001%' AND length(code) = 6 ORDER BY code LIMIT 1")
                .query(String.class).single();
        Population p = new Population(jdbc);
        UUID household = p.household("chart-household", subdistrict, "40");
        int year = today().getYear() - 1;
        for (int i = 0; i < 6; i++) { // more than the smallest published count, so the district is not withheld
            UUID child = p.child("chart-" + i, i % 2 == 0 ? "F" : "M", LocalDate.of(year - 2, 1, 1), "40");
            p.livesIn(child, household);
            p.growth(child, LocalDate.of(year, 6, 1), i < 3 ? -3.0 : 0.5, 0.0, -1.0);
        }
        refresh.refreshDirty();

        try (Browser browser = Browser.start()) {
            Page page = browser.signedIn(port, "officer.khonkaen");
            page.navigate("http://localhost:" + port + "/indicators?indicator=stunting&area=40&year=" + (year + 543));
            page.locator("#indicator-chart[data-ready='1']").waitFor();
            page.locator("#indicator-map[data-ready='1']").waitFor();
            assertThat(page.locator("#indicator-chart canvas").count()).isPositive();
            assertThat(page.locator("#indicator-map canvas").count()).isPositive();
            assertThat(page.locator("#parts").innerText()).contains("เมืองขอนแก่น");

            Download chart = page.waitForDownload(() -> page.locator("#chart-image").click());
            assertThat(chart.suggestedFilename()).isEqualTo("tonkla-stunting-40-" + (year + 543) + ".png");
            byte[] png = Files.readAllBytes(chart.path());
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            assertThat(png.length).isGreaterThan(2000);
            Download map = page.waitForDownload(() -> page.locator("#map-image").click());
            assertThat(map.suggestedFilename()).isEqualTo("tonkla-stunting-40-" + (year + 543) + "-map.png");
            assertThat(Files.readAllBytes(map.path())).startsWith(0x89, 'P', 'N', 'G');

            // The quarterly trend (eight quarters of the Thai fiscal year, today's last) as a line chart, downloaded too.
            page.locator("#quarter-chart[data-ready='1']").waitFor();
            assertThat(page.locator("#quarter-chart canvas").count()).isPositive();
            assertThat(page.locator("#quarter-table tbody tr").count()).isEqualTo(8);
            LocalDate quarter = QuarterScheme.startOf(today());
            String last = QuarterScheme.FISCAL.number(quarter) + "/" + QuarterScheme.FISCAL.yearBe(quarter);
            assertThat(page.locator("#quarter-table tbody tr").last().innerText()).startsWith("ไตรมาส " + last);
            Download trend = page.waitForDownload(() -> page.locator("#quarter-image").click());
            assertThat(trend.suggestedFilename()).isEqualTo("tonkla-stunting-40-quarters-" + last.replace('/', '-') + ".png");
            assertThat(Files.readAllBytes(trend.path())).startsWith(0x89, 'P', 'N', 'G');

            // A district's parts are subdistricts, for which Tonkla has no boundaries: the chart stays, no map.
            page.navigate("http://localhost:" + port + "/indicators?indicator=stunting&area=4001&year=" + (year + 543));
            page.locator("#indicator-chart[data-ready='1']").waitFor();
            page.locator("#indicator-map").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                    .setState(WaitForSelectorState.DETACHED));
            // A subdistrict has no parts, hence no bar chart, but its trend is drawn beside its province and the country.
            page.navigate("http://localhost:" + port + "/indicators?indicator=stunting&area=" + subdistrict);
            page.locator("#quarter-chart[data-ready='1']").waitFor();
            assertThat(page.locator("#indicator-chart").count()).isZero();

            // On a phone (360 px) the area names are shortened rather than cut, the percent axis is named under the axis
            // where it fits, and the map's legend carries its values.
            page.setViewportSize(360, 780);
            page.navigate("http://localhost:" + port + "/indicators?indicator=stunting&area=40&year=" + (year + 543));
            page.locator("#indicator-chart[data-ready='1']").waitFor();
            page.locator("#indicator-map[data-ready='1']").waitFor();
            Object drawn = page.evaluate("() => { const c = echarts.getInstanceByDom(document.getElementById('indicator-chart')).getOption();"
                    + " const m = echarts.getInstanceByDom(document.getElementById('indicator-map')).getOption();"
                    + " return [c.grid[0].containLabel, c.xAxis[0].nameLocation, c.yAxis[0].axisLabel.overflow,"
                    + " c.yAxis[0].axisLabel.width, m.visualMap[0].text[1]]; }");
            assertThat(String.valueOf(drawn)).isEqualTo("[true, middle, truncate, 96, 0 %]");
        }
    }
}
