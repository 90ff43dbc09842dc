package org.tonkla.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.assessment.Drafts.PlanInput;
import org.tonkla.assessment.Drafts.RatingInput;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.CentreResult;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.demo.DemoUnits;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;

/**
 * Issue 9, done when: with the demo data the demo center gets an overall result, and officer.khonkaen
 * downloads the items-needing-improvement report (REP004) for the province; point 5 and 7: the API's
 * scope and purpose check. The demo center's assessment of last year is this test's own (the browser
 * test opens this year's).
 */
class DemoCenterResultTest extends IntegrationTest {

    private static final UUID KK = DemoUnits.KHON_KAEN_CENTER;

    @Autowired
    CenterAssessments assessments;

    @Test
    void theDemoCenterGetsAnOverallResultAndTheOfficerReadsItAsExcelAndJson() throws Exception {
        var head = Fixtures.user("head.kk", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(KK));
        int year = assessments.currentYearBe() - 1;
        UUID id = assessments.open(KK, year, head);
        Map<String, RatingInput> ratings = new HashMap<>();
        for (CatalogueItem item : assessments.sheet(id, head).applicableItems()) {
            ratings.put(item.key(), new RatingInput(ItemLevel.GOOD, null));
        }
        ratings.put("1.3.6", new RatingInput(ItemLevel.NEEDS_IMPROVEMENT, "ยังไม่มีจุดรับส่งเด็ก"));
        assessments.saveDraft(id, ratings, Map.of(), head);
        // Every item below ดี as it counts (a DSPM figure from the demo records included) gets a plan.
        AssessmentSheet sheet = assessments.sheet(id, head);
        Map<String, PlanInput> plans = new HashMap<>();
        for (CatalogueItem item : sheet.applicableItems()) {
            ItemLevel level = sheet.effectiveLevel(item.key());
            if (level != null && !level.atLeast(ItemLevel.GOOD)) {
                // Due after today: a plan due in the past is refused (issue 10 §7), also on last year's sheet.
                plans.put(item.key(), new PlanInput("ปรับปรุงตามแผน", "หัวหน้าศูนย์", today().plusMonths(4)));
            }
        }
        assessments.saveDraft(id, Map.of(), plans, head);
        CentreResult result = assessments.submit(id, assessments.sheet(id, head).revision(), head);
        assertThat(result.complete()).isTrue();
        assertThat(result.level()).isNotNull();
        assertThat(result.passed()).isFalse(); // 1.3.6 is at ต้องปรับปรุง
        assertThat(result.zeroItems()).contains("1.3.6");

        WebClientSession officer = session();
        officer.login("officer.khonkaen", "tonkla-demo");
        HttpResponse<byte[]> rep004 = bytes(officer, "/assessment/reports/improvement.xlsx?area=40&year=" + year);
        assertThat(rep004.statusCode()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(rep004.body()))) {
            var sheet004 = workbook.getSheet("REP004");
            boolean found = false;
            for (int r = 3; r <= sheet004.getLastRowNum(); r++) {
                var row = sheet004.getRow(r);
                if (row.getCell(0).getStringCellValue().startsWith("ศูนย์พัฒนาเด็กเล็กเทศบาลนครขอนแก่น")) {
                    found = true;
                    assertThat(row.getCell(11).getStringCellValue()).contains("1.3.6");
                    assertThat((int) row.getCell(10).getNumericCellValue()).isEqualTo(result.zeroItems().size());
                }
            }
            assertThat(found).isTrue();
        }
        HttpResponse<byte[]> rep006 = bytes(officer, "/assessment/reports/levels.xlsx?area=40&year=" + year);
        assertThat(rep006.statusCode()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(rep006.body()))) {
            var sheet006 = workbook.getSheet("REP006");
            assertThat(sheet006.getLastRowNum()).isGreaterThanOrEqualTo(2 + 75);
            assertThat(sheet006.getRow(3).getCell(1).getStringCellValue()).isEqualTo("1.1.1");
        }
        assertThat(bytes(officer, "/assessment/reports/improvement.xlsx?area=50&year=" + year).statusCode()).isEqualTo(403);

        // The API: the province's centers, one center with items, figures and history; scope and purpose checked.
        var list = officer.getJson("/api/v1/assessments?area=40&year=" + year + "&purpose=monitoring");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(KK.toString()).contains("\"status\":\"SUBMITTED\"").contains("\"overallRuleVerified\":false");
        assertThat(officer.getJson("/api/v1/assessments?area=50&year=" + year).statusCode()).isEqualTo(403);
        assertThat(officer.getJson("/api/v1/assessments?area=40&purpose=curiosity").statusCode()).isEqualTo(400);
        var one = officer.getJson("/api/v1/assessments/" + KK + "/" + year + "?purpose=review");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"key\":\"1.3.6\"").contains("\"itemsNeedingImprovement\":[")
                .contains("\"action\":\"SUBMITTED\"").contains("\"catalogueVersion\":\"onec-2562-dcy75\"");
        assertThat(officer.getJson("/api/v1/assessments/" + KK + "/2400").statusCode()).isEqualTo(404);

        WebClientSession chiangMai = session();
        chiangMai.login("officer.chiangmai", "tonkla-demo");
        assertThat(chiangMai.getJson("/api/v1/assessments/" + KK + "/" + year).statusCode()).isEqualTo(403);
        assertThat(chiangMai.getJson("/api/v1/assessments?area=40&year=" + year).statusCode()).isEqualTo(403);
        var ownProvince = chiangMai.getJson("/api/v1/assessments?area=50&year=" + year);
        assertThat(ownProvince.statusCode()).isEqualTo(200);
        assertThat(ownProvince.body()).doesNotContain(KK.toString());

        WebClientSession teacher = session();
        teacher.login("teacher.kk", "tonkla-demo");
        assertThat(teacher.getJson("/api/v1/assessments?area=40&year=" + year).statusCode()).isEqualTo(403);
    }

    private HttpResponse<byte[]> bytes(WebClientSession web, String path) throws Exception {
        return java.net.http.HttpClient.newBuilder().cookieHandler(web.cookies()).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }
}
