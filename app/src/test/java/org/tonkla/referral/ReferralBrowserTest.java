package org.tonkla.referral;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.tonkla.browser.BrowserTest;

/**
 * Issue 12 §9 in a real browser across three units: teacher.kk refers มะลิ for a suspected delay, health.kk
 * accepts and completes it with an outcome, teacher.kk sees the outcome, and guardian.kk sees both units in the
 * access log.
 */
class ReferralBrowserTest extends BrowserTest {

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aSuspectedDelayIsReferredAcceptedCompletedAndTheLoopCloses() {
        Page teacher = browser.signedIn(port, "teacher.kk");
        teacher.navigate(url("/referrals/new?child=" + ReferralFixtures.MALI));
        assertThat(teacher.locator("#child-name")).hasText("มะลิ ใจดี");
        teacher.locator("#needType").selectOption("developmental-delay");
        teacher.locator("#toUnit").selectOption(ReferralFixtures.HEALTH_CENTER.toString());
        teacher.locator("#reason").fill("ยังไม่พูดเป็นประโยค ขอประเมินพัฒนาการ (ทดสอบเบราว์เซอร์)");
        teacher.locator("#send").click();
        assertThat(teacher.locator("#status")).hasText("ส่งแล้ว รอหน่วยปลายทาง");
        String referral = teacher.url().substring(teacher.url().lastIndexOf('/') + 1);

        Page health = browser.signedIn(port, "health.kk");
        health.navigate(url("/referrals"));
        assertThat(health.locator("#box-incoming .count")).not().hasText("0");
        health.locator("#queue a[href$='" + referral + "']").click();
        assertThat(health.locator("#child-name")).hasText("มะลิ ใจดี");
        // Minimum necessary: growth and DSPM, the other categories withheld.
        assertThat(health.locator("#record")).isVisible();
        assertThat(health.locator("#record-no-vaccines")).isVisible();
        health.locator("#accept").click();
        assertThat(health.locator("#status")).hasText("รับเรื่องแล้ว");
        health.locator("#outcome-code").selectOption("CONFIRMED_IN_TREATMENT");
        health.locator("#outcome-note").fill("นัดกระตุ้นพัฒนาการทุก 2 สัปดาห์");
        health.locator("#complete").click();
        assertThat(health.locator("#status")).hasText("เสร็จสิ้น");

        teacher.navigate(url("/referrals?box=outgoing"));
        Locator row = teacher.locator("#queue tr.referral-row", new Page.LocatorOptions().setHasText("มะลิ ใจดี"))
                .filter(new Locator.FilterOptions().setHasText("เสร็จสิ้น"));
        assertThat(row.first()).isVisible();
        assertThat(teacher.locator("#notices")).containsText("การส่งต่อเสร็จสิ้น ดูผลได้แล้ว");
        teacher.navigate(url("/referrals/" + referral));
        assertThat(teacher.locator("#outcome")).containsText("ยืนยันว่ามีปัญหา เริ่มรักษา/กระตุ้นแล้ว");
        assertThat(teacher.locator("#outcome")).containsText("นัดกระตุ้นพัฒนาการทุก 2 สัปดาห์");

        Page guardian = browser.signedIn(port, "guardian.kk");
        guardian.navigate(url("/my-children"));
        guardian.getByText("มะลิ ใจดี").click();
        for (String who : new String[] {"ครูผู้ดูแลเด็ก ขอนแก่น (สาธิต)", "เจ้าหน้าที่ รพ.สต. ขอนแก่น (สาธิต)"}) {
            Locator entry = guardian.locator("#access-log tr.access-entry", new Page.LocatorOptions().setHasText(who))
                    .filter(new Locator.FilterOptions().setHasText("ส่งต่อเพื่อรับบริการ"));
            assertThat(entry.first()).isVisible();
        }
    }
}
