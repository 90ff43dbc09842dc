package org.tonkla.field;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.browser.BrowserTest;

/**
 * Issue 11 §8: the offline web form in Chromium. Two visits are filled with the network off, the page is reloaded
 * (from the service worker's cache) and still shows both waiting; the network comes back and both are stored, once.
 */
class OfflineVisitBrowserTest extends BrowserTest {

    @Autowired JdbcClient jdbc;

    @Test
    void twoVisitsFilledOfflineSurviveAReloadAndAreStoredOnceWhenTheNetworkReturns() {
        Page page = browser.signedIn(port, "surveyor.kk");
        page.setViewportSize(360, 740);
        page.navigate("http://localhost:" + port + "/field/visit");
        assertThat(page.locator("h1")).hasText("เยี่ยมบ้าน (ใช้ได้แม้ไม่มีสัญญาณ)");
        // The demo campaign is among the surveyor's campaigns (other tests may give her more).
        assertThat(page.locator(".campaign", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("สำรวจเด็กปฐมวัยอำเภอน้ำพอง"))).hasCount(1);
        // The service worker is installed and holds the page before the network goes away.
        page.waitForFunction("navigator.serviceWorker.ready.then(r => !!r.active)");
        page.waitForFunction("caches.open('tonkla-field-v1').then(c => c.match('/field/visit')).then(r => !!r)");

        page.context().setOffline(true);
        List<String> names = List.of("ออฟไลน์หนึ่ง" + suffix(), "ออฟไลน์สอง" + suffix());
        for (int i = 0; i < names.size(); i++) {
            page.locator("#subdistrict").fill("400701");
            page.locator("#houseNo").fill("50/" + i);
            page.locator("#givenName").fill(names.get(i));
            page.locator("#familyName").fill("ทดสอบเบราว์เซอร์");
            page.locator("#sex").selectOption(i == 0 ? "M" : "F");
            page.locator("#dateOfBirth").fill(today().minusMonths(30 + 7 * i).toString());
            page.locator("#weightKg").fill("12.5");
            page.locator("#save").click();
        }
        assertThat(page.locator("#queue li")).hasCount(2);
        assertThat(page.locator("#network")).hasText("ไม่มีสัญญาณ: บันทึกไว้ในเครื่อง จะส่งเมื่อมีสัญญาณ");

        page.reload(); // offline: the page comes from the service worker, the queue from IndexedDB
        assertThat(page.locator("#queue li")).hasCount(2);
        org.assertj.core.api.Assertions.assertThat(stored(names)).isZero();

        page.context().setOffline(false);
        page.locator("#send").click(); // the 'online' event sends too; the button is the visible retry
        assertThat(page.locator("#queue li")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(stored(names)).isEqualTo(2);
        page.locator("#send").click(); // sending again with an empty queue stores nothing more
        org.assertj.core.api.Assertions.assertThat(stored(names)).isEqualTo(2);
    }

    private long stored(List<String> names) {
        return jdbc.sql("""
                SELECT count(*) FROM field_submission s WHERE s.xml LIKE '%' || ? || '%' OR s.xml LIKE '%' || ? || '%'""")
                .params(names.get(0), names.get(1)).query(Long.class).single();
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 100000);
    }
}
