package org.tonkla.protection;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tonkla.protection.ProtectionScreeningTest.classmate;

import com.microsoft.playwright.Page;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tonkla.browser.BrowserTest;

/**
 * Issue 17 on a phone (390 × 844): a teacher opens a child's page, goes to the protection screening, records that the
 * child lives with her grandparents and has an unexplained injury; without a reason the error shows beside the field
 * with what was chosen kept; with one, the result is a high risk and a concern is raised, whose page shows the
 * teacher its status only. The whole-child view then shows the living arrangement and fits the screen; the social
 * development office's worker finds the concern in the list.
 */
class ProtectionBrowserTest extends BrowserTest {

    static final UUID CHILD = classmate(17);

    @Test
    void aTeacherRaisesAConcernFromTheScreeningAndSeesTheWholeChildOnAPhone() {
        Page page = browser.signedIn(port, "teacher.kk", 390, 844);
        page.navigate("http://localhost:" + port + "/children/" + CHILD);
        page.locator("#protection-screen").click();
        page.waitForURL("**/children/" + CHILD + "/protection");
        fitsTheScreen(page);

        page.locator("#living").selectOption("GRANDPARENTS");
        page.locator("input[name=items][value=unexplained-injury]").check();
        page.locator("#protection-form button[type=submit]").click();
        assertThat(page.locator("#protection-form .field-error")).isVisible();
        assertThat(page.locator("#living")).hasValue("GRANDPARENTS");
        assertThat(page.locator("input[name=items][value=unexplained-injury]")).isChecked();

        page.locator("#reason").fill("แผลไหม้ที่หลังมือซ้าย เด็กอยู่กับปู่ย่า");
        page.locator("#protection-form button[type=submit]").click();
        assertThat(page.locator("#result")).containsText("ความเสี่ยงสูง");
        assertThat(page.locator("#result")).containsText("ไม่ได้อยู่กับพ่อหรือแม่");
        page.locator("#result a").click();
        page.waitForURL("**/protection/concerns/*");
        String concern = page.url().substring(page.url().lastIndexOf('/') + 1);
        assertThat(page.locator("#status")).hasText("รับแจ้งแล้ว");
        assertThat(page.locator("main")).not().containsText("แผลไหม้");
        fitsTheScreen(page);

        page.navigate("http://localhost:" + port + "/children/" + CHILD);
        page.locator("#whole-child").click();
        page.waitForURL("**/children/" + CHILD + "/whole");
        assertThat(page.locator("#living-arrangement")).containsText("ปู่ ย่า ตา หรือยาย");
        assertThat(page.locator("#no-attendance")).isVisible();
        fitsTheScreen(page);

        Page worker = browser.signedIn(port, "socialdev.kk", 390, 844);
        worker.navigate("http://localhost:" + port + "/protection/concerns");
        worker.locator("a[href$='" + concern + "']").first().click();
        assertThat(worker.locator("main")).containsText("แผลไหม้ที่หลังมือซ้าย");
        fitsTheScreen(worker);
    }

    /** Nothing wider than the phone: no sideways scrolling. */
    private static void fitsTheScreen(Page page) {
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).as(page.url()).isLessThanOrEqualTo(390);
    }
}
