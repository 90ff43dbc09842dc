package org.tonkla.committee;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.browser.BrowserTest;

/**
 * Issue 12, done when: "The committee secretary can prepare the next meeting's agenda from Tonkla alone."
 * committee.kk opens the demo's พชอ., schedules the next meeting, accepts Tonkla's proposed cases and the follow-up
 * of the last meeting's decision, adds an item, publishes, and prints the agenda with the children named.
 */
class CommitteeBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSecretaryPreparesPublishesAndPrintsTheNextAgenda() {
        // The demo's child referred to the health center and the social development office (DemoCommittee).
        String twoAgencies = jdbc.sql("SELECT given_name_th || ' ' || family_name_th FROM child WHERE id = ?")
                .param(CommitteeFixtures.classmate(5)).query(String.class).single();
        Page page = browser.signedIn(port, "committee.kk");
        page.locator("#home-committees").click();
        page.getByText("คณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอเมืองขอนแก่น (สาธิต)").click();
        assertThat(page.locator("#committee-name")).hasText("คณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอเมืองขอนแก่น (สาธิต)");
        // De-identified counts, and the open decision of the last meeting.
        assertThat(page.locator("#count-multi")).not().hasText("0");
        assertThat(page.locator("#tasks")).containsText("เยี่ยมบ้านร่วมกับ อสม.");

        // A bad date comes back beside its field with the place kept.
        page.locator("#heldOn + input.thai-date").fill(today().plusYears(3).toString());
        page.locator("#place").fill("ห้องประชุมที่ว่าการอำเภอเมืองขอนแก่น");
        page.locator("#create-meeting").click();
        assertThat(page.locator("#meeting-form .field-error")).hasText("ใส่วันประชุมภายในหนึ่งปีนับจากวันนี้");
        assertThat(page.locator("#place")).hasValue("ห้องประชุมที่ว่าการอำเภอเมืองขอนแก่น");
        page.locator("#heldOn + input.thai-date").fill(today().plusDays(35).toString());
        page.locator("#create-meeting").click();
        assertThat(page.locator("#meeting-status")).hasText("กำลังจัดทำวาระ");

        // Tonkla proposes: cases (de-identified while a draft) and the follow-up of the open decision.
        Locator followUp = page.locator("#proposals li[data-kind=FOLLOW_UP]", new Page.LocatorOptions()
                .setHasText("เยี่ยมบ้านร่วมกับ อสม."));
        assertThat(followUp).hasCount(1);
        assertThat(page.locator("#proposals li[data-kind=CASE]").first()).isVisible();
        assertThat(page.locator("#proposals")).not().containsText(twoAgencies);
        assertThat(page.locator("#proposals")).containsText("ส่งต่อหลายหน่วยงาน");
        followUp.locator("button.accept").click();
        assertThat(page.locator("#agenda li[data-kind=FOLLOW_UP]")).hasCount(1);
        // The proposals are drawn again after each acceptance: wait for the cases before counting them (count() does not wait).
        assertThat(page.locator("#proposals li[data-kind=CASE]").first()).isVisible();
        // Accept every proposed case, one by one.
        Locator nextCase = page.locator("#proposals li[data-kind=CASE] button.accept");
        for (int guard = 0; nextCase.count() > 0 && guard < 60; guard++) {
            int before = nextCase.count();
            nextCase.first().click();
            assertThat(nextCase).hasCount(before - 1);
        }
        assertThat(page.locator("#agenda li[data-kind=CASE]").first()).isVisible();
        page.locator("#title").fill("แผนงานศูนย์พัฒนาเด็กเล็กปีงบประมาณหน้า");
        page.locator("#add-item").click();
        assertThat(page.locator("#agenda li[data-kind=OTHER]")).containsText("แผนงานศูนย์พัฒนาเด็กเล็กปีงบประมาณหน้า");
        // The follow-up goes first.
        Locator first = page.locator("#agenda > li").first();
        if (!"FOLLOW_UP".equals(first.getAttribute("data-kind"))) {
            String followUpId = page.locator("#agenda li[data-kind=FOLLOW_UP]").getAttribute("id");
            while (!"FOLLOW_UP".equals(page.locator("#agenda > li").first().getAttribute("data-kind"))) {
                page.locator("#" + followUpId + " button[value=up]").click();
            }
        }

        page.locator("#publish").click();
        assertThat(page.locator("#meeting-status")).hasText("แจ้งวาระแล้ว");
        assertThat(page.locator("#agenda")).containsText(twoAgencies);

        page.locator("#print-agenda").click();
        assertThat(page.locator("h1")).hasText("ระเบียบวาระการประชุม");
        assertThat(page.locator("#agenda > li").first()).containsText("เยี่ยมบ้านร่วมกับ อสม.");
        assertThat(page.locator("#agenda")).containsText(twoAgencies);
        assertThat(page.locator("#agenda")).containsText("แผนงานศูนย์พัฒนาเด็กเล็กปีงบประมาณหน้า");
        assertThat(page.locator("#agenda li[data-kind=CASE]").first()).isVisible();
    }
}
