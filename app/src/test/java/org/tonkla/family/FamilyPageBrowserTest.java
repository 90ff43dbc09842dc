package org.tonkla.family;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.tonkla.browser.BrowserTest;

/** The family page on a phone (390 px wide): everything fits, nothing scrolls sideways. */
class FamilyPageBrowserTest extends BrowserTest {

    @Test
    void theFamilyPageFitsAPhone() {
        Page page = browser.signedIn(port, "guardian.kk");
        page.setViewportSize(390, 844);
        page.navigate("http://localhost:" + port + "/my-children");
        page.locator("a.family-link").first().click();
        assertThat(page.locator("#child-name")).hasText("มะลิ ใจดี");
        assertThat(page.locator("#due .due-item").first()).isVisible();
        assertThat(page.locator("#activities .activity")).hasCount(5);
        assertThat(page.locator("#export-link")).isVisible();
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        int clientWidth = ((Number) page.evaluate("document.documentElement.clientWidth")).intValue();
        assertThat(scrollWidth).as("horizontal overflow at 390 px").isLessThanOrEqualTo(clientWidth);
    }
}
