package org.tonkla.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10 §1 on the child page beyond the measurement form: a screening, a vaccine or a health note the
 * server refuses comes back with what was typed and the error beside the field it is about, on a desktop
 * and on a 390-px phone. Every submission here is refused, so the demo child's record is left as it was.
 */
class ChildFormsBrowserTest extends BrowserTest {

    private static final String MALI = "0192f0a0-0000-7000-8000-0000000000c1";

    @org.springframework.beans.factory.annotation.Autowired
    org.tonkla.directory.Directory directory;
    @org.springframework.beans.factory.annotation.Autowired
    org.tonkla.identity.Accounts accounts;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Sends the field's form and waits for the page the server answers with (it returns to the form's section). */
    private void submit(Page page, String field, String section) {
        page.locator(field).evaluate("e => e.form.requestSubmit()");
        page.waitForURL(Pattern.compile(".*/children/" + MALI + "#" + section));
        page.waitForLoadState();
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"1280, 900", "390, 844"})
    void refusedFormsKeepWhatWasTypedAndSayWhyBesideTheField(int width, int height) {
        Page page = browser.signedIn(port, "teacher.kk", width, height);
        try {
            // A screening dated 1 Jan 2563 (2020), before Mali was born: refused by the server.
            page.navigate(url("/children/" + MALI));
            page.locator("#screenedOn-text").fill("1/1/2563");
            page.locator("#dom-GM").selectOption("SUSPECTED_DELAY");
            page.locator("#dom-PS").selectOption("REFER_NOW");
            submit(page, "#screenedOn", "development");
            assertThat(page.locator("#screenedOn")).hasValue("2020-01-01");
            assertThat(page.locator("#screenedOn-text")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#dom-GM")).hasValue("SUSPECTED_DELAY");
            assertThat(page.locator("#dom-PS")).hasValue("REFER_NOW");
            Locator error = page.locator("#screenedOn-read + .alert.error");
            assertThat(error).containsText("วันที่คัดกรองต้องไม่ก่อนวันเกิด");
            assertThat(error).isVisible();

            // A vaccine whose lot number is longer than any lot (50 characters at most).
            page.navigate(url("/children/" + MALI));
            String dose = page.locator("#vaccineCode option").nth(1).getAttribute("value");
            page.locator("#vaccineCode").selectOption(dose);
            String lot = "LOT-" + "9".repeat(60);
            page.locator("#lot").fill(lot);
            submit(page, "#lot", "vaccines");
            assertThat(page.locator("#vaccineCode")).hasValue(dose);
            assertThat(page.locator("#lot")).hasValue(lot);
            assertThat(page.locator("#lot")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#lot + .alert.error")).containsText("50 ตัวอักษร");
            assertThat(page.locator("#lot")).isFocused();

            // A health note longer than a note may be (2,000 characters).
            page.navigate(url("/children/" + MALI));
            page.locator("#kind").selectOption("DISABILITY");
            String text = "ใช้เครื่องช่วยฟัง ".repeat(120);
            page.locator("#description").fill(text);
            submit(page, "#description", "notes");
            assertThat(page.locator("#kind")).hasValue("DISABILITY");
            assertThat(page.locator("#description")).hasValue(text);
            assertThat(page.locator("#description")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#description + .alert.error")).isVisible();
            // Nothing was recorded by any of the three.
            assertThat(page.locator("#notes")).not().containsText("ใช้เครื่องช่วยฟัง");
        } finally {
            page.context().close();
        }
    }

    /** d/m/yyyy in the Buddhist era, as written in the pink book. */
    private static String thai(java.time.LocalDate date) {
        return date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + (date.getYear() + 543);
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"1280, 900", "390, 844"})
    void pastVaccinesFromThePinkBookGoInOneFormAndARefusedDateStaysWithItsReason(int width, int height) {
        java.time.LocalDate born = today().minusYears(3);
        OwnChild own = OwnChild.create(directory, accounts, jdbc, born, "สมุดชมพู");
        Page page = browser.newPage(width, height);
        try {
            Browser.signIn(page, port, own.username());
            page.navigate(url("/children/" + own.id()));
            page.locator("#pink-book summary").click();
            Locator dates = page.locator("#pink-book input[name^='given.']");
            int doses = dates.count();
            org.assertj.core.api.Assertions.assertThat(doses).isGreaterThan(2);
            String first = dates.nth(0).getAttribute("id");
            String second = dates.nth(1).getAttribute("id");
            // (The Thai date component hands the label to the text field it adds.)
            String firstLabel = page.locator("label[for='" + first + "-text']").innerText();
            // The first dose on the day after birth; the second miscopied as ten days before birth.
            page.locator("#" + first + "-text").fill(thai(born.plusDays(1)));
            page.locator("#" + second + "-text").fill(thai(born.minusDays(10)));
            page.locator("#pink-book-save").click();
            page.waitForURL(Pattern.compile(".*/children/" + own.id() + "#pink-book"));
            page.waitForLoadState();

            assertThat(page.locator("#pink-book-saved")).hasText("บันทึกแล้ว 1 เข็ม");
            // The recorded dose left the form and shows on the vaccine card with its Thai date.
            assertThat(page.locator("#" + first)).hasCount(0);
            Locator given = page.locator(".vaccine-card tr.dose-GIVEN", new Page.LocatorOptions()
                    .setHasText(firstLabel.substring(0, firstLabel.lastIndexOf(" ("))));
            assertThat(given).hasCount(1);
            assertThat(given.locator("td").nth(2)).containsText(String.valueOf(born.plusDays(1).getYear() + 543));
            // The refused one keeps its date, with the reason beside it.
            assertThat(page.locator("#" + second)).hasValue(born.minusDays(10).toString());
            assertThat(page.locator("#pink-error-" + second.substring("pink-".length())))
                    .containsText("วันที่ได้รับวัคซีนต้องไม่ก่อนวันเกิดและไม่อยู่ในอนาคต");
            assertThat(page.locator("#pink-book input[name^='given.']")).hasCount(doses - 1);
        } finally {
            page.context().close();
        }
    }
}
