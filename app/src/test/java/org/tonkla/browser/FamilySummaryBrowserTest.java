package org.tonkla.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.chrono.ThaiBuddhistDate;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.directory.Directory;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;
import org.tonkla.recordbook.RecordBookImports;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.Sex;

/**
 * Issue 10 §6, the guardian on a 390-px phone: the child's growth said in plain Thai (weight and height on a day,
 * normal for age, the change since last time, what to do, when to weigh again), and the access log filtered by
 * purpose, period and agency, the filter kept in the address so that a reload keeps it.
 */
class FamilySummaryBrowserTest extends BrowserTest {

    @Autowired Directory directory;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired RecordBookImports entries;

    /** A child of two with a guardian account of this test's own (password tonkla-demo). */
    private record Family(UUID child, String guardian, String caregiver, LocalDate born) {}

    private Family family(String name) {
        LocalDate born = today().minusYears(2);
        OwnChild own = OwnChild.create(directory, accounts, jdbc, born, name);
        String guardian = "guardian." + UUID.randomUUID().toString().substring(0, 8);
        UUID user = accounts.create(new Accounts.AccountForm(guardian, "แม่ของ" + name, Role.GUARDIAN,
                new Scope(null, OrgUnit.country()), "tonkla-demo", true), true);
        UUID g = UUID.randomUUID();
        jdbc.sql("INSERT INTO guardian (id, given_name_th, family_name_th, user_id, province_code) VALUES (?, 'แม่', 'ทดสอบ', ?, '34')")
                .params(g, user).update();
        jdbc.sql("INSERT INTO child_guardian (child_id, guardian_id, relationship, province_code) VALUES (?, ?, 'มารดา', '34')")
                .params(own.id(), g).update();
        return new Family(own.id(), guardian, own.username(), born);
    }

    private static String beYear(LocalDate d) {
        return String.valueOf(ThaiBuddhistDate.from(d).get(ChronoField.YEAR));
    }

    @Test
    void theGrowthSummaryReadsAsPlainThaiOnAPhone() {
        Family f = family("ใบเตย");
        var facts = new RecordBookImports.ChildFacts(new ChildId(f.child()), Sex.F, f.born(), "34");
        LocalDate before = today().minusMonths(3), last = today().minusDays(10);
        entries.importEntries(List.of(
                new RecordBookImports.ImportedMeasurement(UUID.randomUUID(), facts, null, before, 11.8, 84.0, "H"),
                new RecordBookImports.ImportedMeasurement(UUID.randomUUID(), facts, null, last, 12.3, 86.0, "H")),
                List.of(), List.of(), List.of(), "test", Instant.now(clock));

        Page page = browser.signedIn(port, f.guardian(), 390, 844);
        try {
            page.navigate("http://localhost:" + port + "/family/children/" + f.child());
            // A girl of 24 months: WHO medians 11.5 kg and 86.4 cm, so both are normal for her age.
            assertThat(page.locator("#summary-headline")).containsText("น้องใบเตยหนัก 12.3 กก. สูง 86.0 ซม. เมื่อ");
            assertThat(page.locator("#summary-headline")).containsText(beYear(last));
            assertThat(page.locator("#summary-headline")).containsText("น้ำหนักและส่วนสูงตามเกณฑ์อายุ");
            assertThat(page.locator("#summary-trend")).containsText("น้ำหนักเพิ่มขึ้น 0.5 กก.");
            assertThat(page.locator("#summary-trend")).containsText("สูงขึ้น 2.0 ซม.");
            assertThat(page.locator("#summary-advice li").first()).containsText("กินอาหารครบ 5 หมู่");
            // Tonkla's growth check: three months after the last measurement.
            assertThat(page.locator("#summary-next")).containsText("ชั่งน้ำหนักครั้งต่อไป: ภายใน");
            assertThat(page.locator("#summary-next")).containsText(beYear(last.plusMonths(3)));
            assertThat(page.locator("#summary-next")).containsText("ตรวจพัฒนาการ (DSPM) ช่วงอายุ");
            assertNoSidewaysScroll(page);
        } finally {
            page.context().close();
        }
    }

    @Test
    void theAccessLogIsFilteredAndTheFilterSurvivesAReload() {
        Family f = family("ลำดวน");
        UUID unit = jdbc.sql("SELECT unit_id FROM enrolment WHERE child_id = ?").param(f.child()).query(UUID.class).single();
        logged(f.child(), f.caregiver(), "DLA", unit, "care", Instant.now(clock).minus(1, ChronoUnit.DAYS));
        logged(f.child(), f.caregiver(), "DLA", unit, "roster", Instant.now(clock).minus(2, ChronoUnit.DAYS));
        logged(f.child(), "officer.khonkaen", "DCY", null, "care", Instant.now(clock).minus(100, ChronoUnit.DAYS));

        Page page = browser.signedIn(port, f.guardian(), 390, 844);
        try {
            page.navigate("http://localhost:" + port + "/family/children/" + f.child());
            page.locator("#access-all").click();
            assertThat(page.locator(".access-entry")).hasCount(3);

            page.locator("#purpose").selectOption("care");
            page.locator("#access-filter button[type=submit]").click();
            page.waitForURL("**purpose=care**");
            assertThat(page.locator(".access-entry")).hasCount(2);
            assertThat(page.locator("#access-count")).hasText("พบ 2 รายการ");

            page.locator("#period").selectOption("30");
            page.locator("#access-filter button[type=submit]").click();
            page.waitForURL("**period=30**");
            assertThat(page.locator(".access-entry")).hasCount(1);

            page.reload();
            assertThat(page.locator("#period")).hasValue("30");
            assertThat(page.locator("#purpose")).hasValue("care");
            assertThat(page.locator(".access-entry")).hasCount(1);
            assertThat(page.locator(".access-entry")).containsText("เพื่อ");
            assertNoSidewaysScroll(page);

            page.navigate("http://localhost:" + port + "/family/children/" + f.child() + "/access?agency=DCY");
            assertThat(page.locator("#agency")).hasValue("DCY");
            assertThat(page.locator(".access-entry")).hasCount(1);
            assertThat(page.locator(".access-entry")).containsText("officer.khonkaen");

            page.locator("#access-clear").click();
            assertThat(page.locator(".access-entry")).hasCount(3);
        } finally {
            page.context().close();
        }
    }

    /** One access-log entry as {@code AccessLog.record} writes it, on a day in the past. */
    private void logged(UUID child, String username, String agency, UUID unit, String purpose, Instant at) {
        UUID user = accounts.search(username).getFirst().id();
        jdbc.sql("""
                INSERT INTO access_log (id, occurred_at, child_id, province_code, user_id, username, display_name, role,
                                        agency_code, unit_id, action, purpose)
                VALUES (?, ?, ?, '34', ?, ?, ?, 'CAREGIVER', ?, ?, 'READ', ?)""")
                .params(UUID.randomUUID(), Timestamp.from(at), child, user, username, username, agency, unit, purpose)
                .update();
    }

    private static void assertNoSidewaysScroll(Page page) {
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        int clientWidth = ((Number) page.evaluate("document.documentElement.clientWidth")).intValue();
        assertThat(scrollWidth).as("horizontal overflow at 390 px").isLessThanOrEqualTo(clientWidth);
    }
}
