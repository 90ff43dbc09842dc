package org.tonkla.assessment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.browser.BrowserTest;
import org.tonkla.demo.DemoUnits;

/**
 * Issue 5 §6, in a real browser: the head of the demo center submits, the provincial officer
 * returns one item with a comment, the head fixes it and resubmits, the officer accepts, and the
 * accepted results are locked. This is the only test that touches the demo center's assessment.
 */
class AssessmentCycleBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void headSubmitsOfficerReturnsHeadFixesOfficerAcceptsAndTheResultIsLocked() throws Exception {
        // The center head rates every item (1.1.1 below ดี, with a plan) and submits.
        Page head = login("head.kk");
        head.locator("#nav-assessment").click();
        assertThat(head.locator("h1")).containsText("ศูนย์พัฒนาเด็กเล็กเทศบาลนครขอนแก่น");
        head.locator("#open-year").click();
        assertThat(head.locator("#status")).hasText("ร่าง");
        // The buttons come after the last item: once they are there, every item is.
        assertThat(head.locator("#save")).isVisible();
        Locator items = head.locator("section.item");
        int count = items.count();
        assertThat(count).isGreaterThan(10);
        for (int i = 0; i < count; i++) {
            items.nth(i).locator("input[type=radio][value='2']").check();
        }
        Locator first = item(head, "1.1.1");
        first.locator("input[type=radio][value='1']").check();
        head.locator("#submit").click();
        // Submitting without a plan for an item below ดี is refused, naming the item.
        assertThat(head.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).containsText("1.1.1");
        assertThat(head.locator("#status")).hasText("ร่าง");
        first = item(head, "1.1.1");
        first.locator("input[name='plan.action|1.1.1']").fill("ประชุมครูทุกเดือนและจดบันทึก");
        first.locator("input[name='plan.owner|1.1.1']").fill("หัวหน้าศูนย์");
        // Typed the Thai way (B.E.) into the text field that replaces the browser's date widget.
        first.locator("input[name='plan.due|1.1.1'] + input.thai-date").fill("31/3/2570");
        head.locator("#submit").click();
        assertThat(head.locator("#status")).hasText("ส่งแล้ว รอตรวจ");
        assertThat(head.locator("#submit")).hasCount(0);

        // The officer finds it among the submitted centers of the province and returns item 1.2.1.
        Page officer = login("officer.khonkaen");
        officer.locator("#home-monitoring").click();
        // One click from the home page answers "who has not submitted, and how did the others score
        // on Standard 3?": the list opens on the centers not submitted, beside the results per standard.
        assertThat(officer.locator("#list h2")).containsText("ยังไม่ส่ง");
        assertThat(officer.locator("#standards tr[data-standard='3']")).isVisible();
        // The map of the province's districts is drawn from the bundled boundaries, offline.
        // (The chart library loads at the end of the page: wait for it too, rather than fail on its absence.)
        officer.waitForFunction("() => { if (typeof echarts === 'undefined') return false;"
                + " var c = echarts.getInstanceByDom(document.getElementById('map'));"
                + " return c && c.getOption().series[0].data.length > 0; }");
        officer.locator("#tile-SUBMITTED").click();
        officer.locator("#list").getByText("ศูนย์พัฒนาเด็กเล็กเทศบาลนครขอนแก่น (สาธิต)").click();
        assertThat(officer.locator("#status")).hasText("ส่งแล้ว รอตรวจ");
        Locator returned = item(officer, "1.2.1");
        returned.locator("input[type=radio][value='RETURNED']").check();
        returned.locator("input[name='comment|1.2.1']").fill("กรุณาแนบทะเบียนบุคลากรที่เป็นปัจจุบัน");
        officer.locator("#return").click();
        assertThat(officer.locator("#status")).hasText("ส่งกลับให้แก้ไข");

        // The head sees the comment; only the returned item can change. They fix it and resubmit.
        head.reload();
        assertThat(head.locator("#status")).hasText("ส่งกลับให้แก้ไข");
        Locator fix = item(head, "1.2.1");
        assertThat(fix.locator(".review-comment")).hasText("กรุณาแนบทะเบียนบุคลากรที่เป็นปัจจุบัน");
        assertThat(item(head, "1.1.2").locator("input[type=radio]")).hasCount(0);
        fix.locator("input[type=radio][value='3']").check();
        fix.locator("input[type=file]").setInputFiles(photo());
        head.locator("#submit").click();
        assertThat(head.locator("#status")).hasText("ส่งแล้ว รอตรวจ");
        assertThat(item(head, "1.2.1").locator(".evidence a")).hasCount(1);

        // The officer accepts; the results are locked.
        officer.reload();
        assertThat(officer.locator("#status")).hasText("ส่งแล้ว รอตรวจ");
        // Issue 10 §3: one click does not lock a sheet whose items were not reviewed (one was only re-rated).
        officer.locator("#accept").click();
        assertThat(officer.locator("#error")).containsText("ยังไม่ได้ตรวจข้อ");
        assertThat(officer.locator("#status")).hasText("ส่งแล้ว รอตรวจ");
        // "Accept all remaining" asks first; declining changes nothing, agreeing accepts and locks.
        String[] asked = new String[1];
        officer.onceDialog(dialog -> {
            asked[0] = dialog.message();
            dialog.dismiss();
        });
        officer.locator("#accept-remaining").click();
        assertThat(officer.locator("#status")).hasText("ส่งแล้ว รอตรวจ");
        org.assertj.core.api.Assertions.assertThat(asked[0]).contains("ถือว่าผ่าน").contains("ล็อก");
        officer.onceDialog(dialog -> dialog.accept());
        officer.locator("#accept-remaining").click();
        assertThat(officer.locator("#status")).hasText("รับรองแล้ว");
        assertThat(officer.locator(".alert.ok")).containsText("รวมข้อที่เหลือทั้งหมด");

        head.reload();
        assertThat(head.locator("#status")).hasText("รับรองแล้ว");
        assertThat(item(head, "3.7.4 ข")).isVisible(); // the last item: the whole sheet is there
        assertThat(head.locator("input[type=radio]")).hasCount(0);
        assertThat(head.locator("#save")).hasCount(0);
        assertThat(item(head, "1.2.1").locator(".level")).hasText("ดีมาก");

        // Locked for real: a hand-made save is refused and the database itself refuses a change.
        String token = head.locator("meta[name=csrf-token]").getAttribute("content");
        UUID id = jdbc.sql("SELECT id FROM center_assessment WHERE unit_id = ? ORDER BY year_be DESC LIMIT 1")
                .param(DemoUnits.KHON_KAEN_CENTER).query(UUID.class).single();
        int revision = jdbc.sql("SELECT revision FROM center_assessment WHERE id = ?").param(id).query(Integer.class).single();
        var response = head.request().post("http://localhost:" + port + "/assessment/" + id + "/save",
                com.microsoft.playwright.options.RequestOptions.create().setHeader("X-CSRF-TOKEN", token)
                        .setForm(com.microsoft.playwright.options.FormData.create()
                                .set("level|1.2.1", "0").set("action", "save").set("revision", String.valueOf(revision))));
        assertThat(response.text()).contains("แก้ไขไม่ได้");
        assertThat(jdbc.sql("SELECT level FROM assessment_rating WHERE assessment_id = ? AND item_key = '1.2.1'")
                .param(id).query(Integer.class).single()).isEqualTo(3);
        assertThatThrownBy(() -> jdbc.sql("UPDATE assessment_rating SET level = 0 WHERE assessment_id = ?").param(id).update())
                .hasMessageContaining("locked");
    }

    private Page login(String username) {
        Page page = browser.newPage();
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("ชื่อผู้ใช้").fill(username);
        page.getByLabel("รหัสผ่าน").fill("tonkla-demo");
        page.locator("button[type=submit]").click();
        assertThat(page.locator("h1")).containsText("สวัสดี");
        return page;
    }

    private static Locator item(Page page, String key) {
        return page.locator("section.item[data-item='" + key + "']");
    }

    private static Path photo() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Path file = Files.createTempFile("staff-register", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
