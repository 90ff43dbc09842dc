package org.tonkla.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tonkla.demo.DemoUnits;

/**
 * Issue 10 §4, pickers instead of codes, at desktop size and at 390 px: the home of a child is chosen by
 * province → district → subdistrict (no DOPA code typed), and the administrator chooses a user's agency from a
 * list, the area by the same pickers and a service unit by searching its name or code (no UUID typed).
 */
class PickersBrowserTest extends BrowserTest {

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theChildsHomeIsChosenByProvinceDistrictAndSubdistrict() {
        for (int width : new int[] {1280, 390}) {
            Page page = browser.signedIn(port, "teacher.kk");
            page.setViewportSize(width, 844);
            page.navigate(url("/children/new"));
            // The unit's own subdistrict is chosen to begin with: Khon Kaen, Mueang Khon Kaen, Nai Mueang.
            assertThat(page.locator("#home-province")).hasValue("40");
            assertThat(page.locator("#home-district")).hasValue("4001");
            assertThat(page.locator("#home-subdistrict")).hasValue("400101");
            assertThat(page.locator("input[name=subdistrictCode]")).hasCount(0);
            assertThat(page.locator("select#home-subdistrict[name=subdistrictCode]")).hasCount(1);
            // Another district: its subdistricts replace the list, none chosen until the user chooses.
            page.locator("#home-district").selectOption("4002");
            assertThat(page.locator("#home-subdistrict option[value^='4002']").first()).isAttached();
            assertThat(page.locator("#home-subdistrict option[value^='4001']")).hasCount(0);
            assertThat(page.locator("#home-subdistrict")).hasValue("");
            page.locator("#home-subdistrict").selectOption(new SelectOption().setIndex(1));
            assertThat(page.locator("#home-subdistrict")).hasValue(Pattern.compile("4002\\d\\d"));
            page.context().close();
        }
    }

    @Test
    void aFormShownAgainAfterAnErrorKeepsTheChosenArea() {
        var teacher = session();
        assertThat(teacher.login("teacher.kk", "tonkla-demo")).isEqualTo("/");
        // No name: the form comes back with the error, and the pickers still show the subdistrict chosen.
        String page = teacher.postForm("/children", "givenNameTh=&familyNameTh=&sex=F&subdistrictCode=400201").body();
        assertThat(page).containsPattern("<option value=\"40\" selected=\"selected\"")
                .containsPattern("<option value=\"4002\" selected=\"selected\"")
                .containsPattern("<option value=\"400201\" selected=\"selected\"");
    }

    @Test
    void theAdministratorChoosesAgencyAreaAndUnitFromListsNotCodes() {
        for (int width : new int[] {1280, 390}) {
            Page page = browser.signedIn(port, "admin");
            page.setViewportSize(width, 844);
            page.navigate(url("/admin/users/new"));
            assertThat(page.locator("select#agencyCode option[value='DLA']")).hasCount(1);
            page.locator("#agencyCode").selectOption("DLA");
            page.locator("#scopeLevel").selectOption("DISTRICT");
            page.locator("#scope-province").selectOption("40");
            assertThat(page.locator("#scope-district option[value='4001']")).isAttached();
            page.locator("#scope-district").selectOption("4001");
            assertThat(page.locator("#scopeCode")).hasValue("4001");

            page.locator("#scopeLevel").selectOption("SERVICE_UNIT");
            page.locator("#unit-q").fill("99001");
            page.locator("button.unit-search").click();
            page.locator(".unit-results button", new Page.LocatorOptions().setHasText("โรงพยาบาลส่งเสริมสุขภาพตำบลสำราญ (สาธิต)")).click();
            assertThat(page.locator("#scopeCode")).hasValue(DemoUnits.KHON_KAEN_HEALTH_CENTER.toString());
            assertThat(page.locator(".unit-chosen")).containsText("สำราญ");
            page.context().close();
        }
    }
}
