package org.tonkla.assessment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonkla.browser.BrowserTest;
import org.tonkla.assessment.AssessmentSheet.ReviewMark;
import org.tonkla.assessment.Drafts.RatingInput;
import org.tonkla.assessment.Reviews.Decision;
import org.tonkla.assessment.Reviews.ReviewInput;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.ItemKind;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.directory.Directory;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;

/**
 * Issue 10 §1 and §6 for the center head, on a desktop and a 390-px phone: each rating and note is saved as
 * it is changed, "saved" beside the item and the "x of N rated" moving on; a save that fails (the network
 * drops) keeps the chosen level, says it is not saved, and is saved by "retry"; each item says what its
 * levels mean; a sheet the officer returned says so on the head's home page and at the top of the sheet,
 * with the officer's reason and the items to change.
 */
class SheetAutosaveBrowserTest extends BrowserTest {

    @Autowired
    CenterAssessments assessments;
    @Autowired
    Directory directory;
    @Autowired
    Accounts accounts;

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"1280, 900", "390, 844"})
    void eachRatingIsSavedAsChangedAndAFailedSaveKeepsTheValue(int width, int height) {
        UUID unit = Fixtures.center(directory, "DLA", "340409", "ศูนย์บันทึกอัตโนมัติ " + width);
        String login = Fixtures.account(accounts, "head.autosave." + width, Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        var head = Fixtures.user(login, Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        int year = assessments.currentYearBe();
        UUID id = assessments.open(unit, year, head);
        AssessmentSheet sheet = assessments.sheet(id, head);
        var rated = sheet.applicableItems().stream().filter(i -> i.kind() == ItemKind.RATED)
                .filter(i -> !sheet.computed().containsKey(i.key())).map(CatalogueItem::key).limit(2).toList();
        String dspm = sheet.applicableItems().stream().filter(i -> i.kind() == ItemKind.DSPM_OUTCOME)
                .map(CatalogueItem::key).findFirst().orElseThrow();
        int before = sheet.ratedCount();
        int applicable = sheet.applicableItems().size();

        Page page = browser.signedIn(port, login, width, height);
        try {
            page.navigate("http://localhost:" + port + "/assessment/centers/" + unit + "/" + year);
            assertThat(page.locator("#rated-count")).hasText(before + " จาก " + applicable + " ข้อ");

            // A level chosen is saved at once; the count moves on without a reload.
            Locator first = item(page, rated.get(0));
            first.locator("input[type=radio][value='2']").check();
            assertThat(first.locator(".autosave-state")).hasText("บันทึกแล้ว");
            assertThat(page.locator("#rated-count")).hasText((before + 1) + " จาก " + applicable + " ข้อ");
            // A note is saved when the head leaves the field.
            first.locator("textarea").fill("มีแผนผังการบริหารงานติดไว้หน้าห้อง");
            first.locator("textarea").press("Tab");
            assertThat(first.locator(".autosave-state")).hasText("บันทึกแล้ว");

            // The network drops: the level stays chosen, the item says it is not saved and offers a retry.
            page.route("**/autosave", route -> route.abort());
            Locator second = item(page, rated.get(1));
            second.locator("input[type=radio][value='3']").check();
            assertThat(second.locator(".autosave-state")).containsText("ยังไม่ได้บันทึก");
            assertThat(second.locator(".autosave-state")).containsText("ค่าที่เลือกยังอยู่");
            assertThat(second.locator("input[type=radio][value='3']")).isChecked();
            assertThat(page.locator("#rated-count")).hasText((before + 1) + " จาก " + applicable + " ข้อ");
            assertThat(assessments.sheet(id, head).ratings().get(rated.get(1))).isNull();
            // Back online, "retry" saves it.
            page.unroute("**/autosave");
            second.locator(".autosave-state button.retry").click();
            assertThat(second.locator(".autosave-state")).hasText("บันทึกแล้ว");
            assertThat(page.locator("#rated-count")).hasText((before + 2) + " จาก " + applicable + " ข้อ");

            // The server refuses (the sheet was submitted meanwhile, here: a status the server answers with 409):
            // the value stays and the reason is given beside the item.
            page.route("**/autosave", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                    .setStatus(409).setContentType("application/json")
                    .setBody("{\"saved\":false,\"message\":\"ยังไม่ได้บันทึก: แบบประเมินนี้เปลี่ยนสถานะแล้ว\"}")));
            first.locator("input[type=radio][value='1']").check();
            assertThat(first.locator(".autosave-state")).containsText("แบบประเมินนี้เปลี่ยนสถานะแล้ว");
            assertThat(first.locator("input[type=radio][value='1']")).isChecked();
            page.unroute("**/autosave");

            // What is saved is there after a reload.
            page.reload();
            assertThat(item(page, rated.get(0)).locator("input[type=radio][value='2']")).isChecked();
            assertThat(item(page, rated.get(0)).locator("textarea")).hasValue("มีแผนผังการบริหารงานติดไว้หน้าห้อง");
            assertThat(item(page, rated.get(1)).locator("input[type=radio][value='3']")).isChecked();
            var saved = assessments.sheet(id, head).ratings();
            assertThat(saved.get(rated.get(0)).level()).isEqualTo(ItemLevel.GOOD);
            assertThat(saved.get(rated.get(1)).level()).isEqualTo(ItemLevel.VERY_GOOD);

            // What each level means: the DSPM bands for a child-outcome item; the wording judged for another.
            Locator bands = item(page, dspm).locator("details.descriptors");
            bands.locator("summary").click();
            assertThat(bands).containsText("เด็กมีพัฒนาการสมวัยต่ำกว่าร้อยละ 75");
            assertThat(bands).containsText("เด็กมีพัฒนาการสมวัยร้อยละ 80–84");
            assertThat(bands).containsText("เด็กมีพัฒนาการสมวัยร้อยละ 85 ขึ้นไป");
            Locator judged = item(page, rated.get(0)).locator("details.descriptors");
            judged.locator("summary").click();
            assertThat(judged).containsText("พิจารณาจาก: " + sheet.catalogue().items().stream()
                    .filter(i -> i.key().equals(rated.get(0))).findFirst().orElseThrow().text());
            assertThat(judged).containsText("1 ผ่านเกณฑ์ขั้นต้น");
            assertThat(page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .isEqualTo(true);
        } finally {
            page.context().close();
        }
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"1280, 900", "390, 844"})
    void aReturnedSheetSaysSoOnTheHomePageAndAtTheTopOfTheSheet(int width, int height) {
        UUID unit = Fixtures.center(directory, "DLA", "340410", "ศูนย์ถูกส่งกลับ " + width);
        String login = Fixtures.account(accounts, "head.returned." + width, Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        var head = Fixtures.user(login, Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        var officer = Fixtures.user("officer.returns." + width, Role.PROVINCIAL_OFFICER, "DLA", OrgUnit.area("34"));
        int year = assessments.currentYearBe();
        UUID id = assessments.open(unit, year, head);
        Map<String, RatingInput> ratings = new HashMap<>();
        for (CatalogueItem item : assessments.sheet(id, head).applicableItems()) {
            ratings.put(item.key(), new RatingInput(ItemLevel.GOOD, null));
        }
        assessments.saveDraft(id, ratings, Map.of(), head);
        assessments.submit(id, assessments.sheet(id, head).revision(), head);
        assessments.review(id, assessments.sheet(id, officer).revision(),
                Map.of("1.2.1", new ReviewInput(ReviewMark.RETURNED, "ขอทะเบียนบุคลากรที่เป็นปัจจุบัน")), Decision.RETURN,
                "แนบหลักฐานข้อ 1.2.1 ให้ครบก่อนส่งอีกครั้ง", officer);

        Page page = browser.signedIn(port, login, width, height);
        try {
            Locator notice = page.locator("#home-returned");
            assertThat(notice).containsText("เจ้าหน้าที่ส่งแบบประเมินกลับให้แก้ไข");
            assertThat(notice).containsText("officer.returns." + width);
            assertThat(notice).containsText("เหตุผล: แนบหลักฐานข้อ 1.2.1 ให้ครบก่อนส่งอีกครั้ง");
            notice.getByText("เปิดแบบประเมินตนเอง").click();
            page.waitForURL("**/assessment/centers/" + unit + "/" + year);
            Locator top = page.locator("#returned-notice");
            assertThat(top).containsText("เหตุผล: แนบหลักฐานข้อ 1.2.1 ให้ครบก่อนส่งอีกครั้ง");
            assertThat(top).containsText("1.2.1");
            assertThat(top).containsText("ขอทะเบียนบุคลากรที่เป็นปัจจุบัน");
            // The notice comes before the items: the head reads it first.
            assertThat(page.evaluate("() => document.getElementById('returned-notice').compareDocumentPosition("
                    + "document.querySelector('section.item')) & Node.DOCUMENT_POSITION_FOLLOWING")).isNotEqualTo(0);
            // Once resubmitted, neither page says "returned" any more.
            assessments.saveDraft(id, Map.of("1.2.1", new RatingInput(ItemLevel.VERY_GOOD, null)), Map.of(), head);
            assessments.submit(id, assessments.sheet(id, head).revision(), head);
            page.reload();
            assertThat(page.locator("#returned-notice")).hasCount(0);
            page.navigate("http://localhost:" + port + "/");
            assertThat(page.locator("#home-returned")).hasCount(0);
        } finally {
            page.context().close();
        }
    }

    private static Locator item(Page page, String key) {
        return page.locator("section.item[data-item='" + key + "']");
    }
}
