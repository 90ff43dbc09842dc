package org.tonkla.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.assessment.AssessmentSheet.ReviewMark;
import org.tonkla.assessment.Reviews.Decision;
import org.tonkla.assessment.Drafts.RatingInput;
import org.tonkla.assessment.Reviews.ReviewInput;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.directory.Directory;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;

/**
 * Part 2 monitoring over centers in every state, in a district no other test uses (Mueang Ubon
 * Ratchathani, 3401): counts per status, profiles not updated, results per standard, follow-up,
 * and the Excel export with Thai headers.
 */
class MonitoringTest extends IntegrationTest {

    @Autowired
    CenterAssessments assessments;
    @Autowired
    CenterProfiles profiles;
    @Autowired
    Monitoring monitoring;
    @Autowired
    Directory directory;
    @Autowired
    Accounts accounts;

    @Test
    void countsEveryStateAndAnswersWhoHasNotSubmittedAndHowTheOthersScored() throws Exception {
        int year = assessments.currentYearBe();
        var officer = Fixtures.user("officer.ubon", Role.PROVINCIAL_OFFICER, "DCY", OrgUnit.area("34"));
        UUID notStarted = Fixtures.center(directory, "DLA", "340105", "ศูนย์ยังไม่เริ่ม");
        UUID draft = center("ศูนย์ร่าง", year, 2, null);
        UUID submitted = center("ศูนย์ส่งแล้ว", year, 3, null);
        UUID accepted = center("ศูนย์รับรอง", year, 2, Decision.ACCEPT);
        UUID returned = center("ศูนย์ส่งกลับ", year, 0, Decision.RETURN);

        var report = monitoring.report(new Monitoring.Query(year, "3401", null, Monitoring.ListFilter.NOT_SUBMITTED), officer, 100);
        assertThat(report.count(AssessmentStatus.NOT_STARTED)).isEqualTo(1);
        assertThat(report.count(AssessmentStatus.DRAFT)).isEqualTo(1);
        assertThat(report.count(AssessmentStatus.SUBMITTED)).isEqualTo(1);
        assertThat(report.count(AssessmentStatus.ACCEPTED)).isEqualTo(1);
        assertThat(report.count(AssessmentStatus.RETURNED)).isEqualTo(1);
        assertThat(report.list()).extracting(Monitoring.CenterRow::unitId).containsExactlyInAnyOrder(notStarted, draft, returned);
        // Standard 3 of the two handed in: all ดีมาก (3) at one, all ดี (2) at the other.
        var s3 = report.standards().stream().filter(d -> d.key().equals("3")).findFirst().orElseThrow();
        assertThat(s3.levels()).containsExactly(0, 0, 1, 1);
        // Only the draft center updated its profile (see center()); the rest never did.
        assertThat(report.profilesOutdated()).isEqualTo(4);
        // The returned one needs follow-up.
        assertThat(report.followUp()).isEqualTo(1);
        var byDistrict = monitoring.report(new Monitoring.Query(year, "34", null, Monitoring.ListFilter.ALL), officer, 0);
        var mueang = byDistrict.areas().stream().filter(a -> a.code().equals("3401")).findFirst().orElseThrow();
        assertThat(mueang.centers()).isGreaterThanOrEqualTo(5);

        Fixtures.account(accounts, "officer.ubon.login", Role.PROVINCIAL_OFFICER, "DCY", OrgUnit.area("34"));
        WebClientSession web = session();
        web.login("officer.ubon.login", "tonkla-demo");
        var page = web.get("/assessment/monitoring?area=3401", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("ศูนย์ยังไม่เริ่ม (ทดสอบ)").contains("ศูนย์ส่งกลับ (ทดสอบ)").doesNotContain("ศูนย์รับรอง (ทดสอบ)");
        // Issue 10: levels by name, not number, and the follow-up list says why each center is on it.
        var all = web.get("/assessment/monitoring?area=3401&list=ALL", "text/html").body();
        assertThat(all).contains("<td class=\"level\">ดีมาก</td>").doesNotContain("<td class=\"level\">3</td>");
        var followUp = web.get("/assessment/monitoring?area=3401&list=FOLLOW_UP", "text/html").body();
        assertThat(followUp).contains("เหตุที่ต้องติดตาม").contains("ศูนย์ส่งกลับ (ทดสอบ)")
                .contains("<span class=\"reason\">ส่งกลับให้ศูนย์แก้ไขแล้ว ยังไม่ส่งใหม่</span>");
        HttpResponse<byte[]> xlsx = java.net.http.HttpClient.newBuilder().cookieHandler(web.cookies()).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/assessment/monitoring/export.xlsx?area=3401")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("สถานพัฒนาเด็ก");
            var header = workbook.getSheetAt(0).getRow(0);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("ชื่อสถานพัฒนาเด็ก");
            assertThat(header.getCell(9).getStringCellValue()).isEqualTo("มาตรฐานด้านที่ 3");
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(5);
        }
    }

    /** A center of district 3401 whose year's assessment rates every item {@code level}, then goes where {@code decision} says. */
    private UUID center(String name, int year, int level, Decision decision) {
        UUID unit = Fixtures.center(directory, "DLA", "340101", name);
        var head = Fixtures.user("head." + unit, Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        UUID id = assessments.open(unit, year, head);
        AssessmentSheet sheet = assessments.sheet(id, head);
        Map<String, RatingInput> ratings = new HashMap<>();
        Map<String, Drafts.PlanInput> plans = new HashMap<>();
        for (CatalogueItem item : sheet.applicableItems()) {
            ratings.put(item.key(), new RatingInput(ItemLevel.ofScore(level), null));
            if (level < 2) plans.put(item.key(), new Drafts.PlanInput("แก้ไข", "หัวหน้า", LocalDate.of(org.tonkla.core.thai.BuddhistEra.toCommonEraYear(year), 12, 31)));
        }
        assessments.saveDraft(id, ratings, plans, head);
        if (name.equals("ศูนย์ร่าง")) {
            profiles.save(unit, new CenterProfiles.ProfileForm("ถนนทดสอบ", 40, 2, false, true), head);
            return unit;
        }
        assessments.submit(id, assessments.sheet(id, head).revision(), head);
        if (decision == null) return unit;
        var officer = Fixtures.user("officer.ubon.review", Role.PROVINCIAL_OFFICER, "DCY", OrgUnit.area("34"));
        Map<String, ReviewInput> marks = new HashMap<>();
        if (decision == Decision.RETURN) marks.put("1.1.1", new ReviewInput(ReviewMark.RETURNED, "ขอหลักฐาน"));
        assessments.review(id, assessments.sheet(id, officer).revision(), marks,
                decision == Decision.ACCEPT ? Decision.ACCEPT_REMAINING : decision, null, officer);
        return unit;
    }
}
