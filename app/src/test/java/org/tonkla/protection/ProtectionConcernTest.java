package org.tonkla.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonkla.protection.ProtectionScreeningTest.as;
import static org.tonkla.protection.ProtectionScreeningTest.ok;

import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.demo.DemoUnits;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;

/**
 * Issue 17 §3 and §5: a HIGH screening (a child living with grandparents with an unexplained injury) opens a
 * protection concern routed to the social development office of the child's province; the reporter sees its status
 * only; a teacher of another unit and officers see nothing (404); the guardian's access log hides the protection
 * views until the protection worker releases them, and the release is audited.
 */
class ProtectionConcernTest extends IntegrationTest {

    /** มะลิ ใจดี: enrolled at teacher.kk's center, guardian.kk's daughter (DemoData). */
    static final UUID MALI = UUID.fromString("0192f0a0-0000-7000-8000-0000000000c1");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;

    @Test
    void aHighResultOpensAConcernOnlyProtectionWorkersSee() {
        // Screenings of the shared demo child released by other tests stay visible; this one's must not show.
        long shownBefore = screeningsShown(as(session(), "guardian.kk"));
        // The worker's reads of earlier, released concerns (other tests') stay shown; this concern's must not add.
        long viewsBefore = protectionViews(ok(as(session(), "guardian.kk").getJson("/api/v1/children/" + MALI), 200));
        var teacher = as(session(), "teacher.kk");
        String answer = ok(teacher.postJson("/api/v1/protection/children/" + MALI + "/screenings", """
                {"items":["not-with-parents","unexplained-injury"],"reason":"รอยช้ำที่แขนซ้าย เด็กอยู่กับยาย"}"""), 201);
        assertThat(answer).contains("\"level\":\"HIGH\"").contains("unexplained-injury").contains("not-with-parents");
        var m = Pattern.compile("\"concernId\":\"([0-9a-f-]{36})\"").matcher(answer);
        assertThat(m.find()).isTrue();
        UUID concern = UUID.fromString(m.group(1));
        String path = "/api/v1/protection/concerns/" + concern;

        // Routed to the social development office (MSDHS) of Khon Kaen, the child's province, and the reporter's district.
        assertThat(jdbc.sql("SELECT office_unit_id FROM protection_concern WHERE id = ?").param(concern)
                .query(UUID.class).single()).isEqualTo(DemoUnits.KHON_KAEN_SOCIAL_OFFICE);
        assertThat(jdbc.sql("SELECT district_code FROM protection_concern WHERE id = ?").param(concern)
                .query(String.class).single()).isEqualTo("4001");

        // The reporter sees the status, not the details.
        String status = ok(teacher.getJson(path), 200);
        assertThat(status).contains("\"status\":\"OPEN\"").contains("\"detail\":null").doesNotContain("รอยช้ำ");
        assertThat(ok(teacher.getJson("/api/v1/protection/concerns"), 200)).contains(concern.toString());

        // The social development office's worker sees the child and what was found.
        var worker = as(session(), "socialdev.kk");
        String detail = ok(worker.getJson(path), 200);
        assertThat(detail).contains("รอยช้ำ").contains("unexplained-injury").contains(MALI.toString());
        assertThat(ok(worker.getJson("/api/v1/protection/concerns"), 200)).contains(concern.toString());
        // Every view is in the access log, for protection.
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND username = 'socialdev.kk'"
                + " AND purpose = 'protection'").param(MALI).query(Long.class).single()).isPositive();

        // A teacher of another unit, the child's own center head (not the reporter), officers of the province and of
        // another province, the guardian: nothing, not even that it exists.
        ensureAccount("teacher.obec.protection", new Scope("OBEC", OrgUnit.serviceUnit(DemoUnits.KHON_KAEN_KINDERGARTEN)));
        for (String outsider : new String[] {"teacher.obec.protection", "head.kk", "officer.khonkaen",
                "officer.chiangmai", "guardian.kk"}) {
            var s = as(session(), outsider);
            assertThat(s.getJson(path).statusCode()).as(outsider).isEqualTo(404);
            assertThat(ok(s.getJson("/api/v1/protection/concerns"), 200)).as(outsider).doesNotContain(concern.toString());
            assertThat(s.postJson(path + "/release", "{\"reason\":\"x\"}").statusCode()).as(outsider).isEqualTo(404);
        }

        // The guardian's access log hides the protection views and the screening until released.
        var guardian = as(session(), "guardian.kk");
        String log = ok(guardian.getJson("/api/v1/children/" + MALI), 200);
        assertThat(protectionViews(log)).isLessThanOrEqualTo(viewsBefore);
        assertThat(screeningsShown(guardian)).isEqualTo(shownBefore);
        // The log itself keeps them.
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND purpose = 'protection-screening'")
                .param(MALI).query(Long.class).single()).isPositive();

        // The reporter may not decide; the office's worker does, with a reason, audited.
        assertThat(teacher.postJson(path + "/release", "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(ok(worker.postJson(path + "/release", "{\"reason\":\"\"}"), 400)).contains("reason");
        ok(worker.postJson(path + "/release", "{\"reason\":\"เด็กย้ายไปอยู่บ้านพักเด็กแล้ว\"}"), 204);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'protection.log.released' AND entity_id = ?"
                + " AND actor = 'socialdev.kk'").param(concern.toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(worker.postJson(path + "/release", "{\"reason\":\"again\"}").statusCode()).isEqualTo(409);
        String released = ok(guardian.getJson("/api/v1/children/" + MALI), 200);
        assertThat(protectionViews(released)).isGreaterThan(viewsBefore);
        assertThat(screeningsShown(guardian)).isGreaterThan(shownBefore);

        // The worker moves it on; the reporter sees the new status.
        int revision = jdbc.sql("SELECT revision FROM protection_concern WHERE id = ?").param(concern)
                .query(Integer.class).single();
        assertThat(worker.postJson(path + "/status", "{\"status\":\"CLOSED\",\"revision\":" + (revision + 5) + "}")
                .statusCode()).isEqualTo(409);
        ok(worker.postJson(path + "/status", "{\"status\":\"CLOSED\",\"revision\":" + revision + "}"), 204);
        assertThat(ok(teacher.getJson(path), 200)).contains("\"status\":\"CLOSED\"");
    }

    /** The protection screenings in the guardian's data export (the whole log as the family is shown it). */
    private static long screeningsShown(org.tonkla.WebClientSession guardian) {
        String export = ok(guardian.get("/family/children/" + MALI + "/export.json", "application/json"), 200);
        return Pattern.compile("protection-screening").matcher(export).results().count();
    }

    /** The protection worker's reads in a record book's access log, as the guardian is shown it. */
    private static long protectionViews(String book) {
        return Pattern.compile("\\{[^{}]*\"username\":\"socialdev\\.kk\"[^{}]*\"purpose\":\"protection\"[^{}]*}")
                .matcher(book).results().count();
    }

    private void ensureAccount(String username, Scope scope) {
        if (accounts.exists(username)) return;
        accounts.create(new Accounts.AccountForm(username, "ครูอนุบาล (ทดสอบคุ้มครองเด็ก)", Role.CAREGIVER, scope,
                "tonkla-demo", true), true);
    }
}
