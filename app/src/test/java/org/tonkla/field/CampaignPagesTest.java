package org.tonkla.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.demo.DemoUnits;

/**
 * The officers' campaign pages (issue 11 §1): open a campaign from the form (errors beside the fields, values kept),
 * assign a surveyor, read progress per subdistrict and per surveyor by day, coverage per district and the Excel export.
 */
class CampaignPagesTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    @Test
    void anOfficerOpensACampaignFromTheFormAndAssignsASurveyor() {
        var officer = session();
        officer.login("officer.khonkaen", "tonkla-demo");
        assertThat(officer.get("/field/campaigns", "text/html").body()).contains("เปิดโครงการใหม่", "campaign-province");

        var bad = officer.postForm("/field/campaigns", "name=" + enc("สำรวจหน้าเว็บ") + "&areaCode=4007&startsOn="
                + today() + "&endsOn=" + today().minusDays(1) + "&registeringUnitId=" + DemoUnits.NAM_PHONG_CENTER);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("วันสิ้นสุดต้องไม่ก่อนวันเริ่ม", "value=\"สำรวจหน้าเว็บ\"");

        var created = officer.postForm("/field/campaigns", "name=" + enc("สำรวจหน้าเว็บ") + "&areaCode=400701"
                + "&moreAreaCodes=" + enc("400706") + "&startsOn=" + today() + "&endsOn=" + today().plusDays(20)
                + "&registeringUnitId=" + DemoUnits.NAM_PHONG_CENTER);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String page = created.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        String surveyor = jdbc.sql("SELECT id::text FROM app_user WHERE username = 'surveyor.kk'").query(String.class).single();
        var assigned = officer.postForm(page + "/assignments", "surveyorId=" + surveyor + "&subdistrictCodes=400706");
        assertThat(assigned.statusCode()).isEqualTo(302);
        String campaignId = page.substring(page.lastIndexOf('/') + 1);
        assertThat(jdbc.sql("SELECT subdistrict_code FROM field_assignment WHERE campaign_id = ?::uuid")
                .param(campaignId).query(String.class).list()).containsExactly("400706");
        assertThat(officer.get(page, "text/html").body()).contains("สำรวจหน้าเว็บ", "coverage-map", "น้ำพอง");

        var chiangMai = session();
        chiangMai.login("officer.chiangmai", "tonkla-demo");
        assertThat(chiangMai.get(page, "text/html").statusCode()).isEqualTo(404);
        var teacher = session();
        teacher.login("teacher.kk", "tonkla-demo");
        assertThat(teacher.get("/field/campaigns", "text/html").statusCode()).isEqualTo(403);
    }

    @Test
    void progressAndCoverageShowOnThePageAndInTheWorkbook() throws Exception {
        var client = new OpenRosaClient("http://localhost:" + port, "surveyor.kk", "tonkla-demo");
        byte[] xml = ("""
                <data id="tonkla_home_visit" version="2026112801"><visit><subdistrict>400703</subdistrict>
                <outcome>refused</outcome></visit><meta><instanceID>%s</instanceID></meta></data>""")
                .formatted("uuid:" + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        assertThat(client.submit(xml, Map.of()).statusCode()).isEqualTo(201);
        String campaign = jdbc.sql("SELECT id::text FROM field_campaign WHERE name = 'สำรวจเด็กปฐมวัยอำเภอน้ำพอง (สาธิต)'")
                .query(String.class).single();
        var officer = session();
        officer.login("officer.khonkaen", "tonkla-demo");
        String html = officer.get("/field/campaigns/" + campaign, "text/html").body();
        assertThat(html).contains("by-subdistrict", "surveyor.kk", "ความครอบคลุมรายอำเภอ");
        // Per surveyor, the page sums all days (a province's surveyors × 60 days is thousands of rows); days on demand.
        assertThat(html).contains("ความก้าวหน้ารายผู้สำรวจ (รวมทุกวัน)", "days=true");
        assertThat(surveyorTable(html)).contains("surveyor.kk").doesNotContain("วันที่");
        String days = officer.get("/field/campaigns/" + campaign + "?days=true", "text/html").body();
        assertThat(days).contains("ความก้าวหน้ารายผู้สำรวจ รายวัน");
        assertThat(surveyorTable(days)).contains("surveyor.kk", "วันที่");

        byte[] book = download(officer, "/field/campaigns/" + campaign + "/progress.xlsx");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            var progress = workbook.getSheetAt(0);
            assertThat(progress.getRow(0).getCell(5).getStringCellValue()).isEqualTo("ปฏิเสธ");
            boolean refusedCounted = false;
            for (int r = 1; r <= progress.getLastRowNum(); r++) {
                var row = progress.getRow(r);
                if (row.getCell(0).getStringCellValue().equals("400703") && row.getCell(1).getStringCellValue().equals("surveyor.kk")
                        && row.getCell(5).getNumericCellValue() >= 1) refusedCounted = true;
            }
            assertThat(refusedCounted).isTrue();
            assertThat(progress.getRow(0).getCell(2).getStringCellValue()).isEqualTo("วันที่เยี่ยม (พ.ศ.)");
            assertThat(progress.getRow(1).getCell(2).getStringCellValue()).matches("\\d{2}/\\d{2}/25\\d{2}");
            var coverage = workbook.getSheetAt(1);
            assertThat(coverage.getRow(1).getCell(0).getStringCellValue()).isEqualTo("4007");
        }
    }

    private byte[] download(WebClientSession session, String path) throws Exception {
        var http = HttpClient.newBuilder().cookieHandler(session.cookies()).build();
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        return response.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String surveyorTable(String html) {
        return html.split("id=\"by-surveyor\"")[1].split("</table>")[0];
    }
}
