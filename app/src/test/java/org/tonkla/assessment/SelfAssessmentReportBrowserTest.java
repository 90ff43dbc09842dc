package org.tonkla.assessment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonkla.browser.BrowserTest;
import org.tonkla.assessment.Drafts.PlanInput;
import org.tonkla.assessment.Drafts.RatingInput;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.directory.Directory;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;

/**
 * Issue 10 §6 for the center head, on a desktop and a 390-px phone: the self-assessment says how many of
 * its items are rated, and leads to a printable report with every item's level and the plan of each item
 * below ดี, items not yet rated said to be so.
 */
class SelfAssessmentReportBrowserTest extends BrowserTest {

    private static UUID unit;
    private static int applicable;
    private static String planned;

    @Autowired
    CenterAssessments assessments;
    @Autowired
    Directory directory;
    @Autowired
    Accounts accounts;

    @BeforeEach
    void aSheetWithThreeItemsRated() {
        if (unit != null) return;
        unit = Fixtures.center(directory, "DLA", "340203", "ศูนย์รายงานพิมพ์ได้");
        var head = Fixtures.user("head.report", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        Fixtures.account(accounts, "head.report.login", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        int year = assessments.currentYearBe();
        UUID id = assessments.open(unit, year, head);
        AssessmentSheet sheet = assessments.sheet(id, head);
        applicable = sheet.applicableItems().size();
        var keys = sheet.applicableItems().stream().map(CatalogueItem::key)
                .filter(k -> !sheet.computed().containsKey(k)).limit(3).toList();
        Map<String, RatingInput> ratings = new LinkedHashMap<>();
        keys.forEach(k -> ratings.put(k, new RatingInput(ItemLevel.ofScore(2), null)));
        planned = keys.get(0);
        ratings.put(planned, new RatingInput(ItemLevel.ofScore(1), null));
        LocalDate due = LocalDate.of(org.tonkla.core.thai.BuddhistEra.toCommonEraYear(year) + 1, 3, 31);
        assessments.saveDraft(id, ratings, Map.of(planned, new PlanInput("อบรมครูเรื่องการเล่น", "หัวหน้าศูนย์", due)), head);
        assertThat(assessments.sheet(id, head).ratedCount()).isEqualTo(3 + (int) sheet.applicableItems().stream()
                .filter(i -> sheet.computed().containsKey(i.key()) && sheet.effectiveLevel(i.key()) != null).count());
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"1280, 900", "390, 844"})
    void theHeadSeesHowFarTheSheetIsRatedAndPrintsTheReport(int width, int height) {
        Page page = browser.signedIn(port, "head.report.login", width, height);
        try {
            int year = assessments.currentYearBe();
            page.navigate("http://localhost:" + port + "/assessment/centers/" + unit + "/" + year);
            String rated = page.locator("#rated-count").innerText();
            assertThat(rated).endsWith(" จาก " + applicable + " ข้อ");
            page.locator("#report-link").click();
            page.waitForURL("**/report");
            assertThat(page.locator("h1")).containsText("รายงานผลการประเมินตนเอง ปี " + year);
            assertThat(page.locator("#report-center")).containsText("ศูนย์รายงานพิมพ์ได้");
            assertThat(page.locator("#rated-count")).hasText(rated);
            assertThat(page.locator("#report-items tbody tr")).hasCount(applicable);
            var row = page.locator("#report-items tr[data-item='" + planned + "']");
            assertThat(row.locator(".level")).hasText("ผ่านเกณฑ์ขั้นต้น");
            assertThat(row).containsText("อบรมครูเรื่องการเล่น · ผู้รับผิดชอบ หัวหน้าศูนย์ · ภายใน 31 มี.ค.");
            assertThat(page.locator("#report-items .level", new Page.LocatorOptions().setHasText("ยังไม่ได้ประเมิน")).first())
                    .isVisible();
            // A report, not a form: no menu, no inputs; the print button is there (and hidden on paper).
            assertThat(page.locator("main input, main select, main textarea")).hasCount(0);
            assertThat(page.locator(".topbar")).isHidden();
            assertThat(page.locator("button[data-print]")).isVisible();
            assertThat(page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .isEqualTo(true);
        } finally {
            page.context().close();
        }
    }
}
