package org.tonkla.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

/**
 * Issue 10 §6, the administrator on a 390-px phone: unlocks an account that wrong passwords locked (asked first,
 * audited; the owner signs in at once), and links a guardian's account to a child found by name (a confirmation
 * naming both, the relationship; audited and in the family's log), after which the guardian sees the child.
 */
class AdminAccountsBrowserTest extends BrowserTest {

    @Autowired Directory directory;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    private UUID guardianAccount(String username) {
        return accounts.create(new Accounts.AccountForm(username, "ปู่ทดสอบ ผูกบัญชี", Role.GUARDIAN,
                new Scope(null, OrgUnit.country()), "tonkla-demo", true), true);
    }

    @Test
    void theAdministratorUnlocksAnAccountAfterAskingAndTheOwnerSignsInAtOnce() {
        String username = "locked." + UUID.randomUUID().toString().substring(0, 8);
        UUID id = guardianAccount(username);
        // As the login throttle leaves an account after many wrong passwords: the next attempt ten minutes away.
        Instant now = Instant.now(clock);
        jdbc.sql("INSERT INTO login_delay (subject, failures, last_failure, next_allowed) VALUES (?, 9, ?, ?)")
                .params("user:" + username, Timestamp.from(now), Timestamp.from(now.plus(10, ChronoUnit.MINUTES))).update();
        assertThat(new org.tonkla.WebClientSession("http://localhost:" + port).login(username, "tonkla-demo"))
                .as("locked: the right password waits too").doesNotContain("?error").isNotEqualTo("/");

        Page page = browser.signedIn(port, "admin", 390, 844);
        List<String> questions = new ArrayList<>();
        try {
            page.navigate("http://localhost:" + port + "/admin/users/" + id);
            assertThat(page.locator("#lock-status")).containsText("ถูกล็อกชั่วคราว: ใส่รหัสผ่านผิด 9 ครั้ง");
            // First "no": nothing changes.
            page.onceDialog(d -> { questions.add(d.message()); d.dismiss(); });
            page.locator("#unlock").click();
            assertThat(page.locator("#lock-status")).containsText("ถูกล็อกชั่วคราว");
            assertThat(questions).singleElement().asString().contains(username);
            page.onceDialog(d -> d.accept());
            page.locator("#unlock").click();
            assertThat(page.locator("#account-done")).hasText("ปลดล็อกบัญชีแล้ว ผู้ใช้เข้าระบบได้ทันที");
            assertThat(page.locator("#lock-status")).containsText("ไม่มีการใส่รหัสผ่านผิด");
        } finally {
            page.context().close();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'UNLOCK' AND entity_id = ? AND actor = 'admin'")
                .param(id.toString()).query(Integer.class).single()).isEqualTo(1);
        assertThat(new org.tonkla.WebClientSession("http://localhost:" + port).login(username, "tonkla-demo")).isEqualTo("/");
    }

    @Test
    void theAdministratorLinksAGuardianToAChildAndTheGuardianSeesTheChild() {
        String username = "grandpa." + UUID.randomUUID().toString().substring(0, 8);
        UUID id = guardianAccount(username);
        OwnChild child = OwnChild.create(directory, accounts, jdbc, today().minusYears(3), "ผูกบัญชีปู่");

        Page page = browser.signedIn(port, "admin", 390, 844);
        try {
            page.navigate("http://localhost:" + port + "/admin/users/" + id);
            page.locator("#guardian-children").click();
            assertThat(page.locator("#linked-none")).isVisible();
            page.locator("#q").fill("ผูกบัญชีปู่");
            page.locator("#child-search button[type=submit]").click();
            page.locator("#found .pick").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("ผูกบัญชีปู่ ทดสอบ"))
                    .locator("a.choose").click();

            assertThat(page.locator("#confirm-question")).containsText("ผูกบัญชี ปู่ทดสอบ ผูกบัญชี (" + username + ") กับ ผูกบัญชีปู่ ทดสอบ");
            // The relationship is required: the form says so beside the field and keeps the page.
            page.locator("#confirm-link").click();
            assertThat(page.locator("#relationship")).isVisible();
            page.locator("#relationship").fill("ปู่");
            page.locator("#confirm-link").click();
            assertThat(page.locator("#link-done")).containsText("ผูกบัญชีกับ ผูกบัญชีปู่ ทดสอบ แล้ว");
            assertThat(page.locator("#linked .linked-child")).containsText("ผูกบัญชีปู่ ทดสอบ · ปู่");
            int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
            assertThat(scrollWidth).isLessThanOrEqualTo(390);
        } finally {
            page.context().close();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'LINK_GUARDIAN' AND entity_id = ? AND actor = 'admin'")
                .param(child.id().toString()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND purpose = 'guardian-link' AND action = 'WRITE'")
                .param(child.id()).query(Integer.class).single()).isEqualTo(1);

        Page guardian = browser.signedIn(port, username, 390, 844);
        try {
            guardian.navigate("http://localhost:" + port + "/my-children");
            assertThat(guardian.locator("main")).containsText("ผูกบัญชีปู่ ทดสอบ");
            guardian.navigate("http://localhost:" + port + "/family/children/" + child.id());
            assertThat(guardian.locator("#child-name")).hasText("ผูกบัญชีปู่ ทดสอบ");
            // The family sees that an administrator linked the account.
            guardian.navigate("http://localhost:" + port + "/family/children/" + child.id() + "/access?purpose=guardian-link");
            assertThat(guardian.locator(".access-entry").first()).containsText("ผู้ดูแลระบบผูกบัญชีผู้ปกครองกับเด็ก");
        } finally {
            guardian.context().close();
        }
    }
}
