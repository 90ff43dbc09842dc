package org.tonkla.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;

/** Issue 15, "done when": an officer downloads the budget table for their province, in Thai. */
class BudgetDownloadTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired IndicatorRefresh refresh;

    @Test
    void officerDownloadsTheirProvincesBudgetInThai() throws Exception {
        String subdistrict = jdbc.sql("SELECT code FROM area WHERE code LIKE '4001%' AND length(code) = 6 ORDER BY code LIMIT 1")
                .query(String.class).single();
        Population p = new Population(jdbc);
        UUID household = p.household("budget-household", subdistrict, "40");
        int year = today().getYear() - 1;
        // Two stunted children in the provincial capital's district last year.
        for (int i = 0; i < 2; i++) {
            UUID child = p.child("budget-" + i, "F", LocalDate.of(year - 2, 1, 1), "40");
            p.livesIn(child, household);
            p.growth(child, LocalDate.of(year, 6, 1), -3.0, 0.0, -1.0);
        }
        refresh.refreshDirty();
        long stunted = jdbc.sql("SELECT coalesce(sum(n), 0) FROM indicator_cell WHERE year_ce = :y AND fact = 'stunted' AND district_code = '4001'")
                .param("y", year).query(Long.class).single();
        assertThat(stunted).isGreaterThanOrEqualTo(2);

        WebClientSession officer = session();
        officer.login("officer.khonkaen", "tonkla-demo");
        HttpClient http = HttpClient.newBuilder().cookieHandler(officer.cookies()).build();
        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/indicators/budget.xlsx?year=" + (year + 543))).header("Accept-Language", "th").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("งบประมาณ ปี " + (year + 543));
            // Above the table: the province, the children's year and the date it was made, in the Buddhist era.
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("งบประมาณตามจำนวนเด็กที่ต้องได้รับบริการ รายอำเภอ: ขอนแก่น ข้อมูลเด็กปี พ.ศ. " + (year + 543));
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("จัดทำเมื่อ ")
                    .contains(String.valueOf(today().getYear() + 543));
            // and that a column of zeros may be a survey not yet made rather than no need.
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).startsWith("นับเฉพาะเด็กที่มีข้อมูลบันทึกในระบบ")
                    .contains("สำรวจรายได้");
            Row head = sheet.getRow(3);
            assertThat(head.getCell(1).getStringCellValue()).isEqualTo("อำเภอ");
            assertThat(head.getCell(2).getStringCellValue()).isEqualTo("แก้ภาวะเตี้ย: จำนวนเด็ก");
            Row muang = null;
            for (Row r : sheet) if (r.getCell(0) != null && "4001".equals(r.getCell(0).getStringCellValue())) muang = r;
            assertThat(muang).isNotNull();
            assertThat(muang.getCell(1).getStringCellValue()).isEqualTo("เมืองขอนแก่น");
            // children × the shipped unit cost of 1,500 baht
            assertThat(muang.getCell(2).getNumericCellValue()).isEqualTo(stunted);
            assertThat(muang.getCell(4).getNumericCellValue()).isEqualTo(stunted * 1500.0);
            // The province's line sums each service's children and amount over the districts, and the grand total.
            Row total = sheet.getRow(sheet.getLastRowNum());
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("รวมงบประมาณ (บาท)");
            double children = 0;
            double amounts = 0;
            double grand = 0;
            int last = total.getLastCellNum() - 1;
            for (int r = 4; r < sheet.getLastRowNum(); r++) {
                children += sheet.getRow(r).getCell(2).getNumericCellValue();
                amounts += sheet.getRow(r).getCell(4).getNumericCellValue();
                grand += sheet.getRow(r).getCell(last).getNumericCellValue();
            }
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(children).isGreaterThanOrEqualTo(stunted);
            assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(amounts);
            assertThat(total.getCell(last).getNumericCellValue()).isEqualTo(grand);
        }

        // Another province's table is refused; so is the dashboard for an area outside the scope.
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/indicators/budget.xlsx?province=50"))
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
        assertThat(officer.get("/indicators?area=50", "text/html").statusCode()).isEqualTo(403);
        // A year that is no year is a bad request, whether it is out of range or not even an int.
        var farBack = officer.get("/indicators?year=2400", "text/html");
        assertThat(farBack.statusCode()).isEqualTo(400);
        // Said in Thai, what the field needs (the API keeps the English "expected").
        assertThat(farBack.body()).contains("ปีไม่ถูกต้อง: ใช้ปีพุทธศักราชตั้งแต่ 2500 ถึงปีปัจจุบัน").doesNotContain("Buddhist-era");
        // A code under the officer's own province that names no area is not found; one of another province is refused.
        assertThat(officer.get("/indicators?area=409999", "text/html").statusCode()).isEqualTo(404);
        assertThat(officer.get("/indicators?area=509999", "text/html").statusCode()).isEqualTo(403);
        var notAYear = officer.get("/indicators?year=99999999999", "text/html");
        assertThat(notAYear.statusCode()).isEqualTo(400);
        assertThat(notAYear.body()).contains("<code>year</code>");
        assertThat(officer.get("/indicators/budget.xlsx?province=40&year=abc", "text/html").statusCode()).isEqualTo(400);
        assertThat(officer.get("/indicators?area=40&indicator=stunting&year=" + (year + 543), "text/html").body())
                .contains("ภาวะเตี้ย (ส่วนสูงตามอายุต่ำกว่า -2 SD) ปี " + (year + 543)).contains("เมืองขอนแก่น")
                // the chart's title (in the page's chart data) too: a year, not a number with a thousands separator
                .doesNotContain("ปี " + String.format(java.util.Locale.ROOT, "%,d", year + 543))
                .contains("ผลการประเมินสถานพัฒนาเด็กตามมาตรฐาน").contains("มาตรฐานที่ 1");
    }

    @Test
    void aSubdistrictIsComparedWithItsDistrictItsProvinceAndTheCountry() throws Exception {
        WebClientSession officer = session();
        officer.login("officer.khonkaen", "tonkla-demo");
        HttpClient http = HttpClient.newBuilder().cookieHandler(officer.cookies()).build();
        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/indicators/export.xlsx?area=400101&indicator=stunting")).header("Accept-Language", "th").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            List<String> rows = new java.util.ArrayList<>();
            for (Row r : book.getSheetAt(0)) {
                if (r.getRowNum() > 0) rows.add(r.getCell(0).getStringCellValue() + " " + r.getCell(1).getStringCellValue());
            }
            // A subdistrict has no parts: its own row, then ในเมือง's district, its province and the country.
            assertThat(rows).containsExactly("400101 ในเมือง", "4001 เมืองขอนแก่น", "40 ขอนแก่น", " ประเทศไทย");
        }
    }

    @Test
    void theDashboardsExcelCarriesTheCentersResultsByStandardAsShown() throws Exception {
        WebClientSession officer = session();
        officer.login("officer.khonkaen", "tonkla-demo");
        int yearBe = today().getYear() + 543;
        String page = officer.get("/indicators?area=40&year=" + yearBe, "text/html").body();
        String section = page.substring(page.indexOf("id=\"standards\""));
        section = section.substring(section.indexOf("<tbody>"), section.indexOf("</tbody>"));
        // Each row of the page's table as "label|n|n|n|n".
        java.util.List<String> shown = new java.util.ArrayList<>();
        for (String tr : section.split("</tr>")) {
            if (!tr.contains("<th")) continue;
            shown.add(tr.replaceAll("(?s)\\s*<t[hd][^>]*>\\s*", "|").replaceAll("(?s)</t[hd]>|<tr>|<tbody>|\\s+$", "")
                    .replaceFirst("^\\|", ""));
        }
        assertThat(shown).isNotEmpty();

        HttpClient http = HttpClient.newBuilder().cookieHandler(officer.cookies()).build();
        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/indicators/export.xlsx?area=40&year=" + yearBe)).header("Accept-Language", "th").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            // The indicator's sheet: named without its bracketed explanation (31 characters at most), the province once.
            Sheet first = book.getSheetAt(0);
            assertThat(first.getSheetName()).isEqualTo("ภาวะเตี้ย");
            long provinceRows = 0;
            for (Row r : first) if (r.getRowNum() > 0 && "40".equals(r.getCell(0).getStringCellValue())) provinceRows++;
            assertThat(provinceRows).isEqualTo(1);
            Sheet sheet = book.getSheet("ผลประเมินตามมาตรฐาน");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("มาตรฐาน");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("ต้องปรับปรุง");
            java.util.List<String> exported = new java.util.ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                StringBuilder line = new StringBuilder(row.getCell(0).getStringCellValue());
                for (int c = 1; c <= 4; c++) line.append('|').append((long) row.getCell(c).getNumericCellValue());
                exported.add(line.toString());
            }
            assertThat(exported).isEqualTo(shown);
            assertThat(exported).anyMatch(l -> l.startsWith("มาตรฐานที่ 1|"));
        }
    }

    @Test
    void aDistrictCommitteeIsOfferedNoLinkItWouldBeRefused() {
        WebClientSession committee = session();
        committee.login("committee.kk", "tonkla-demo");
        String page = committee.get("/indicators", "text/html").body();
        assertThat(page).contains("area=4001").doesNotContain("area=40&amp;").doesNotContain("area=40\"")
                .doesNotContain("/indicators/budget.xlsx");
        assertThat(committee.get("/indicators?area=40", "text/html").statusCode()).isEqualTo(403);
        WebClientSession guardian = session();
        guardian.login("guardian.kk", "tonkla-demo");
        assertThat(guardian.get("/indicators/budget.xlsx", "*/*").statusCode()).as("refused, not a bad request").isEqualTo(403);
        // Every indicator exports, whatever its name holds (a colon cannot name a sheet: 500 before).
        WebClientSession officer2 = session();
        officer2.login("officer.khonkaen", "tonkla-demo");
        for (String indicator : List.of("protection_not_with_parents", "dspm_followup", "cash_transfer_eligible", "stunting")) {
            assertThat(officer2.get("/indicators/export.xlsx?area=40&indicator=" + indicator, "*/*").statusCode())
                    .as(indicator).isEqualTo(200);
        }
        WebClientSession officer = session();
        officer.login("officer.khonkaen", "tonkla-demo");
        assertThat(officer.get("/indicators", "text/html").body()).contains("/indicators/budget.xlsx?province=40");
    }

    @Test
    void unitCostsAreTakenAsWrittenOrRefusedAndNoFutureYearIsShown() {
        WebClientSession admin = session();
        admin.login("admin", "tonkla-demo");
        // "1,500" as Thai users type it: the shipped cost of the stunting service, unchanged by this test.
        var saved = admin.postForm("/indicators/unit-costs", "service=nutrition_stunted&cost=1%2C500&indicator=wasting&year=2568&area=40");
        assertThat(saved.statusCode()).isEqualTo(302);
        // back to the dashboard being looked at
        assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("/indicators?indicator=wasting&year=2568&area=40");
        assertThat(jdbc.sql("SELECT cost_thb FROM indicator_unit_cost WHERE service = 'nutrition_stunted'")
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("1500");
        // Half a satang would be rounded by the column: refused instead.
        assertThat(admin.postForm("/indicators/unit-costs", "service=nutrition_stunted&cost=0.005").statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT cost_thb FROM indicator_unit_cost WHERE service = 'nutrition_stunted'")
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("1500");
        int nextYearBe = today().getYear() + 544;
        assertThat(admin.get("/indicators?year=" + nextYearBe, "text/html").statusCode()).isEqualTo(400);
        assertThat(admin.get("/indicators?year=" + (nextYearBe - 1), "text/html").statusCode()).isEqualTo(200);
        // A year that is not a number is said to be so in Thai, not in the API's English.
        var notNumber = admin.get("/indicators?year=abc", "text/html");
        assertThat(notNumber.statusCode()).isEqualTo(400);
        assertThat(notNumber.body()).contains("จำนวนเต็ม").doesNotContain("a whole number");
    }
}
