package org.tonkla.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** A person signs in with the login form in a real browser and sees the Thai home page. */
class LoginBrowserTest extends BrowserTest {

    @Test
    void teacherLogsInAndSeesTheThaiHomePage() {
        Page page = browser.newPage();
        page.navigate("http://localhost:" + port + "/");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        assertThat(page.locator("h1")).hasText("เข้าสู่ระบบ");
        page.getByLabel("ชื่อผู้ใช้").fill("teacher.kk");
        page.getByLabel("รหัสผ่าน").fill("tonkla-demo");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("เข้าสู่ระบบ")).click();

        assertThat(page.locator("h1")).containsText("สวัสดี ครูผู้ดูแลเด็ก ขอนแก่น");
        assertThat(page.locator("html")).hasAttribute("lang", "th");
        assertThat(page.locator("#role")).hasText("ครูผู้ดูแลเด็ก");
        assertThat(page.locator("#scope")).containsText("ศูนย์พัฒนาเด็กเล็กเทศบาลนครขอนแก่น");
        // The Thai font comes from Tonkla itself, not from a CDN.
        // The stylesheet may still be on its way on a loaded machine (a run once read the browser's default font):
        // wait for it, up to the timeout, then read the font.
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        page.waitForFunction("getComputedStyle(document.body).fontFamily.includes('Sarabun')", null,
                new Page.WaitForFunctionOptions().setTimeout(15_000));
        Object family = page.evaluate("getComputedStyle(document.body).fontFamily");
        assertThat(family.toString()).contains("Sarabun");
        Object fontLoaded = page.evaluate("document.fonts.ready.then(() => document.fonts.check('16px Sarabun', 'ก'))");
        assertThat(fontLoaded).isEqualTo(true);

        page.getByText("English").click();
        assertThat(page.locator("#role")).hasText("Caregiver / teacher");
        page.getByText("ภาษาไทย").click();
        assertThat(page.locator("#role")).hasText("ครูผู้ดูแลเด็ก");
    }

    @Test
    void wrongPasswordShowsAThaiMessage() {
        Page page = browser.newPage();
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("ชื่อผู้ใช้").fill("officer.khonkaen");
        page.getByLabel("รหัสผ่าน").fill("not-the-password");
        page.locator("button[type=submit]").click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).hasText("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง");
    }
}
