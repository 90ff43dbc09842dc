package org.tonkla.assessment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonkla.browser.BrowserTest;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.directory.ServiceUnitType;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;

/**
 * Issue 10 §6, the pages made to be printed, on a desktop and a 390-px phone: the teacher's class nutrition
 * summary (from the roster: counts per WHO status at the top, each child's latest weight and height with a
 * Buddhist-era date and status words) and the head's self-assessment report leading with the center's
 * official code. On paper neither shows the menu or the print button.
 */
class PrintPagesBrowserTest extends BrowserTest {

    private static final String CENTER = "0192f0a0-0000-7000-8000-000000000001";

    @Autowired
    CenterAssessments assessments;
    @Autowired
    Directory directory;
    @Autowired
    Accounts accounts;

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"1280, 900", "390, 844"})
    void theTeacherPrintsTheClassNutritionSummaryFromTheRoster(int width, int height) {
        Page page = browser.signedIn(port, "teacher.kk", width, height);
        try {
            page.navigate("http://localhost:" + port + "/units/" + CENTER + "/roster");
            int children = page.locator("#roster tbody tr").count();
            assertThat(children).isGreaterThan(0);
            page.locator("#class-summary-link").click();
            page.waitForURL("**/units/" + CENTER + "/nutrition-summary**");
            assertThat(page.locator("h1")).hasText("สรุปภาวะโภชนาการของเด็กในห้อง");
            assertThat(page.locator("#summary-children")).hasText(children + " คน");
            Locator rows = page.locator("#summary-table tbody tr");
            assertThat(rows).hasCount(children);
            // The counts at the top agree with the lines below: normal children, and those not measured yet.
            int normal = 0;
            int none = 0;
            for (int i = 0; i < children; i++) {
                String status = rows.nth(i).locator("td.status").innerText().strip();
                if (status.equals("ปกติ")) normal++;
                if (status.equals("ยังไม่ได้ชั่งวัด")) none++;
                String date = rows.nth(i).locator("td").nth(4).innerText().strip();
                // Buddhist-era dates (year 25xx), or a dash before any measurement.
                assertThat(date).matches("–|\\d{1,2} \\S+ 25\\d\\d");
            }
            assertThat(normal + none).isLessThanOrEqualTo(children);
            assertThat(countOf(page, "NORMAL")).isEqualTo(normal);
            assertThat(countOf(page, "NONE")).isEqualTo(none);
            assertThat(page.locator("#summary-counts li")).not().hasCount(0);
            // A page to print, not a form; nothing sideways on a phone.
            assertThat(page.locator("main input, main select, main textarea")).hasCount(0);
            assertThat(page.locator(".topbar")).isHidden();
            assertThat(page.locator("button[data-print]")).isVisible();
            assertThat(page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .isEqualTo(true);
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("button[data-print]")).isHidden();
            assertThat(page.locator("#summary-table")).isVisible();
        } finally {
            page.context().close();
        }
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"1280, 900", "390, 844"})
    void theSelfAssessmentReportLeadsWithTheOfficialCode(int width, int height) {
        String code = String.format("103404%04d", width);
        UUID unit = directory.addServiceUnit(new ServiceUnit(null, ServiceUnitType.KINDERGARTEN, "อนุบาลรายงานมีรหัส " + width
                + " (ทดสอบ)", null, "DLA", "340411", "34", null, null, null, code));
        String login = Fixtures.account(accounts, "head.code." + width, Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        int year = assessments.currentYearBe();
        assessments.open(unit, year, Fixtures.user(login, Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit)));
        Page page = browser.signedIn(port, login, width, height);
        try {
            page.navigate("http://localhost:" + port + "/assessment/centers/" + unit + "/" + year + "/report");
            assertThat(page.locator(".facts dt").first()).hasText("รหัสสถานพัฒนาเด็ก");
            assertThat(page.locator("#report-code")).hasText(code);
            assertThat(page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .isEqualTo(true);
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("button[data-print]")).isHidden();
            assertThat(page.locator("#report-code")).isVisible();
        } finally {
            page.context().close();
        }
    }

    private static int countOf(Page page, String status) {
        Locator li = page.locator("#summary-counts li[data-status='" + status + "'] strong");
        if (li.count() == 0) return 0;
        return Integer.parseInt(li.innerText().replaceAll("\\D", ""));
    }
}
