package org.tonkla.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10 §1 and §2 in a real browser, on a desktop screen and on a 390-px phone: a teacher weighs part of
 * the demo class while her session expires (its cookie deleted) and the network drops (Playwright's offline
 * mode); every value stays on screen with a Thai message beside its row, and once she is back online and
 * has signed in again in another tab, every row is saved exactly once. Dates are typed the Thai way.
 */
class NothingLostBrowserTest extends BrowserTest {

    private static final String CENTER = "0192f0a0-0000-7000-8000-000000000001";
    private static final String MALI = "0192f0a0-0000-7000-8000-0000000000c1";
    private static final String KONG = "0192f0a0-0000-7000-8000-0000000000c2";

    @Autowired
    JdbcClient jdbc;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** d/m/yyyy in the Buddhist era, as a Thai teacher writes a date. */
    private static String thai(LocalDate date) {
        return date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + (date.getYear() + 543);
    }

    // Rows near the end of the demo class, different ones per screen size.
    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"1280, 900, 3", "390, 844, 6"})
    void aClassWeighedThroughAnExpiredSessionAndADroppedNetworkIsSavedExactlyOnce(int width, int height, int fromEnd) {
        Page page = browser.signedIn(port, "teacher.kk", width, height);
        BrowserContext context = page.context();
        try {
            page.navigate(url("/units/" + CENTER + "/roster"));
            // Weighed yesterday, entered today: the day typed in the Buddhist era.
            LocalDate yesterday = today().minusDays(1);
            page.locator("#measuredOn-text").fill(thai(yesterday));
            page.locator("#measuredOn-text").press("Tab");
            assertThat(page.locator("#measuredOn-read")).containsText("อ่านเป็น");
            assertThat(page.locator("#measuredOn")).hasValue(yesterday.toString());
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of("target/screens/roster-" + width + ".png")));

            // Counted from the end of the class, leaving out the two children other browser tests use
            // (one of them may already have been transferred out by the time this runs).
            List<String> all = page.locator("#roster tbody tr").all().stream().map(r -> r.getAttribute("id"))
                    .filter(id -> !id.equals("row-" + MALI) && !id.equals("row-" + KONG)).toList();
            List<String> ids = all.subList(all.size() - fromEnd, all.size() - fromEnd + 3);
            List<List<String>> before = ids.stream().map(id -> weights(id, yesterday)).toList();
            Locator saved = page.locator("#" + ids.get(0));
            Locator signedOut = page.locator("#" + ids.get(1));
            Locator offline = page.locator("#" + ids.get(2));

            // 1. Saved as usual.
            var answer = page.waitForResponse(r -> r.request().method().equals("POST") && r.url().contains("/roster/"),
                    () -> weigh(page, saved, "14.2", "98.5"));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(saved.locator(".save-problem")).hasCount(0);

            // 2. The session has expired: the row keeps its values and says so, with a way to sign in again.
            context.clearCookies(new BrowserContext.ClearCookiesOptions().setName("SESSION"));
            weigh(page, signedOut, "15.1", "101.5");
            assertThat(signedOut.locator(".save-problem")).containsText("หมดเวลาเข้าสู่ระบบ");
            assertThat(signedOut.locator(".save-problem a.login-again")).hasText("เข้าสู่ระบบอีกครั้ง");
            assertThat(signedOut.locator("input.weight")).hasValue("15.1");
            assertThat(signedOut.locator("input.height")).hasValue("101.5");

            // 3. The network drops as well: the row says the connection is gone; the values are kept in the browser.
            context.setOffline(true);
            weigh(page, offline, "13.7", "95.0");
            assertThat(offline.locator(".save-problem")).containsText("การเชื่อมต่อขาดหาย");
            assertThat(offline.locator("input.weight")).hasValue("13.7");
            // For a reviewer: what the teacher sees at this point (target/screens).
            signedOut.scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of("target/screens/roster-offline-" + width + ".png")));
            @SuppressWarnings("unchecked")
            Map<String, Object> pending = (Map<String, Object>) page.evaluate(
                    "() => JSON.parse(localStorage.getItem('tonkla.roster.pending:' + location.pathname))");
            assertThat(pending).containsOnlyKeys(ids.get(1), ids.get(2));

            // 4. Back online, still signed out: both rows now ask to sign in again; nothing is sent yet.
            context.setOffline(false);
            assertThat(offline.locator(".save-problem")).containsText("หมดเวลาเข้าสู่ระบบ");
            assertThat(weights(ids.get(1), yesterday)).isEqualTo(before.get(1));

            // 5. Signed in again in another tab: the waiting rows are sent, once each, with their own values.
            Page login = page.waitForPopup(() -> signedOut.locator("a.login-again").click());
            login.locator("#username").fill("teacher.kk");
            login.locator("#password").fill("tonkla-demo");
            login.locator("button[type=submit]").click();
            login.waitForLoadState();
            assertThat(signedOut.locator(".save-problem")).hasCount(0);
            assertThat(offline.locator(".save-problem")).hasCount(0);
            assertThat(signedOut).not().hasClass(Pattern.compile("status-none"));
            assertThat(offline).not().hasClass(Pattern.compile("status-none"));
            assertThat(page.evaluate("() => localStorage.getItem('tonkla.roster.pending:' + location.pathname)")).isNull();
            login.close();

            // Exactly one new measurement per child that day, with the value typed into its row.
            List<String> typed = List.of("14.20", "15.10", "13.70");
            for (int i = 0; i < 3; i++) {
                var expected = new java.util.ArrayList<>(before.get(i));
                expected.add(typed.get(i));
                assertThat(weights(ids.get(i), yesterday)).containsExactlyInAnyOrderElementsOf(expected);
            }
        } finally {
            context.close();
        }
    }

    private static void weigh(Page page, Locator row, String weight, String height) {
        row.locator("input.weight").fill(weight);
        row.locator("input.weight").press("Tab");
        row.locator("input.height").fill(height);
        page.locator("h1").click(); // leaving the row saves it
    }

    /** Every measurement row stored for the child that day, superseded ones included: a second save would show. */
    private List<String> weights(String rowId, LocalDate on) {
        return jdbc.sql("SELECT weight_kg::text FROM growth_measurement WHERE child_id = ?::uuid AND measured_on = ?")
                .params(rowId.substring("row-".length()), on).query(String.class).list();
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"1280, 900", "390, 844"})
    void aBirthDateIsTypedTheThaiWayAndSaysWhatItRead(int width, int height) {
        Page page = browser.signedIn(port, "teacher.kk", width, height);
        try {
            page.navigate(url("/children/new"));
            Locator field = page.locator("#dateOfBirth-text");
            Locator read = page.locator("#dateOfBirth-read");
            Locator sent = page.locator("#dateOfBirth");
            // The browser's own date widget (mm/dd/yyyy on most devices) is gone; the label leads to the text field.
            assertThat(page.locator("input[type=date]")).hasCount(0);
            assertThat(page.getByLabel("วันเกิด")).hasAttribute("id", "dateOfBirth-text");
            // The message sits right beside the field.
            assertThat(page.locator("#dateOfBirth-text + .date-read")).hasCount(1);

            field.fill("5/3/2566");
            assertThat(read).hasText("อ่านเป็น 5 มี.ค. 2566");
            assertThat(sent).hasValue("2023-03-05");

            field.fill("5 มีนาคม 2566");
            assertThat(read).hasText("อ่านเป็น 5 มี.ค. 2566");

            // A Christian-era year is read as such only because it cannot be a Buddhist-era one, and says so.
            field.fill("2023-03-05");
            assertThat(read).hasText("อ่านเป็น 5 มี.ค. 2566 · ปี 2023 อ่านเป็น ค.ศ.");
            assertThat(sent).hasValue("2023-03-05");

            // Two digits of a year could be 2566, 1966 or 2066: refused, with the way to write it.
            field.fill("5/3/66");
            assertThat(read).containsText("ครบ 4 หลัก");
            assertThat(field).hasAttribute("aria-invalid", "true");
            assertThat(sent).hasValue("");

            LocalDate tomorrow = today().plusDays(1);
            field.fill(thai(tomorrow));
            assertThat(read).containsText("ยังมาไม่ถึง");
            assertThat(sent).hasValue("");

            field.fill("31/2/2566");
            assertThat(read).containsText("ไม่มีวันที่นี้");

            // A form with an unreadable date is not sent: the field fails the form's own validation until corrected.
            assertThat(field.evaluate("e => e.validity.valid")).isEqualTo(false);
            field.fill("29/2/2567");
            assertThat(read).hasText("อ่านเป็น 29 ก.พ. 2567");
            assertThat(sent).hasValue("2024-02-29");
            assertThat(field.evaluate("e => e.validity.valid")).isEqualTo(true);
        } finally {
            page.context().close();
        }
    }

    @Test
    void aRejectedWeightOnTheChildPageKeepsWhatWasTypedAndSaysSoBesideTheField() {
        Page page = browser.signedIn(port, "teacher.kk", 390, 844);
        try {
            page.navigate(url("/children/" + MALI));
            page.locator("#weightKg").fill("300");
            page.locator("#lengthCm").fill("95.5");
            page.locator("#weightKg").evaluate("e => e.form.requestSubmit()");
            page.waitForURL(Pattern.compile(".*/children/" + MALI + ".*"));
            assertThat(page.locator("#weightKg")).hasValue("300");
            assertThat(page.locator("#lengthCm")).hasValue("95.5");
            Locator error = page.locator("#weightKg + .alert.error");
            assertThat(error).isVisible();
            assertThat(page.locator("#weightKg")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#weightKg")).isFocused();
            assertThat(error).isInViewport();

            // On the phone the menu folds behind a button, so the header leaves the screen to the page.
            assertThat(page.locator("#mainnav")).isHidden();
            assertThat(page.locator(".topbar").boundingBox().height).isLessThan(90);
            page.locator(".menu-button").click();
            assertThat(page.locator("#mainnav")).isVisible();
            assertThat(page.locator(".menu-button")).hasAttribute("aria-expanded", "true");

            // A session about to time out warns first (the clock moved on to a minute before the end),
            // and "stay signed in" asks the server, which renews the session.
            page.evaluate("() => window.tonklaSession.expireIn(60000)");
            Locator warning = page.locator(".session-warning");
            assertThat(warning).containsText("อีกไม่กี่นาทีจะหมดเวลาเข้าสู่ระบบ");
            warning.locator("button").click();
            assertThat(warning).hasCount(0);
        } finally {
            page.context().close();
        }
    }

    @Test
    void inEnglishDatesAreShownInTheChristianEraAndABuddhistEraYearIsStillRead() {
        Page page = browser.newPage(1280, 900);
        try {
            // The login page in English (for a visitor the choice is a cookie only), with a date field added
            // as htmx would add one: the component enhances it like any other.
            page.navigate(url("/login?lang=en"));
            page.evaluate("""
                    () => { const i = document.createElement('input'); i.type = 'date'; i.id = 'probe'; i.name = 'on';
                            i.value = '2023-03-05'; document.querySelector('main').append(i);
                            i.dispatchEvent(new CustomEvent('htmx:load', {bubbles: true})); }""");
            assertThat(page.locator("#probe-text")).hasValue("5 Mar 2023");
            page.locator("#probe-text").fill("6/3/2566");
            assertThat(page.locator("#probe-read")).hasText("Read as 6 Mar 2023 · year 2566 read as B.E. (Thai)");
            assertThat(page.locator("#probe")).hasValue("2023-03-06");
        } finally {
            page.context().close();
        }
    }
}
