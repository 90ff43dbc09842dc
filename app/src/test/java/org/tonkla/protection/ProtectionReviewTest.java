package org.tonkla.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonkla.protection.ProtectionConcernTest.MALI;
import static org.tonkla.protection.ProtectionScreeningTest.as;
import static org.tonkla.protection.ProtectionScreeningTest.ok;

import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;

/**
 * The attacker review of issue 17: nobody hides their own reads from the family by declaring the protection purpose;
 * the family does not see a protection screening (its level would warn) until a protection worker releases it; a
 * closed concern stays its office's case; two editors of a province's first rule cannot both win.
 */
class ProtectionReviewTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyAProtectionWorkerMayReadForProtection() {
        // head.kk and teacher.kk read มะลิ for care; declaring protection would have hidden the read from her family.
        long before = nonWorkerProtectionReads();
        for (String user : new String[] {"head.kk", "teacher.kk", "officer.khonkaen"}) {
            var s = as(session(), user);
            assertThat(s.getJson("/api/v1/children/" + MALI).statusCode()).as(user).isEqualTo(200);
            assertThat(s.getJson("/api/v1/children/" + MALI + "?purpose=protection").statusCode()).as(user)
                    .isEqualTo(403);
        }
        assertThat(nonWorkerProtectionReads()).isEqualTo(before);
    }

    private long nonWorkerProtectionReads() {
        return jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND purpose = 'protection'"
                + " AND username IN ('head.kk', 'teacher.kk', 'officer.khonkaen')").param(MALI).query(Long.class)
                .single();
    }

    @Test
    void aScreeningIsWithheldFromTheFamilyUntilAWorkerReleasesIt() {
        var guardian = as(session(), "guardian.kk");
        long before = screenings(guardian);
        long pageBefore = onPage(guardian);
        var teacher = as(session(), "teacher.kk");
        assertThat(ok(teacher.postJson("/api/v1/protection/children/" + MALI + "/screenings",
                "{\"items\":[\"long-absence\"],\"livingArrangement\":\"GRANDPARENTS\"}"), 201))
                .contains("\"level\":\"MEDIUM\"").contains("\"concernId\":null");
        // Neither the page nor the export shows it; the log keeps it.
        assertThat(screenings(guardian)).isEqualTo(before);
        assertThat(onPage(guardian)).isLessThanOrEqualTo(pageBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND purpose = 'protection-screening'"
                + " AND detail LIKE '%MEDIUM%'").param(MALI).query(Long.class).single()).isPositive();

        // A later HIGH concern: still nothing; the worker's release shows the screenings up to then.
        String high = ok(teacher.postJson("/api/v1/protection/children/" + MALI + "/screenings",
                "{\"items\":[\"unexplained-injury\"],\"reason\":\"รอยช้ำที่ขา\"}"), 201);
        UUID concern = concernOf(high);
        assertThat(screenings(guardian)).isEqualTo(before);
        var worker = as(session(), "socialdev.kk");
        ok(worker.postJson("/api/v1/protection/concerns/" + concern + "/release", "{\"reason\":\"ปลอดภัยแล้ว\"}"), 204);
        // Both, and any other screening of hers recorded before the release.
        assertThat(screenings(guardian)).isGreaterThanOrEqualTo(before + 2);
    }

    @Test
    void aClosedConcernStaysTheOfficesCase() {
        var teacher = as(session(), "teacher.kk");
        UUID concern = concernOf(ok(teacher.postJson("/api/v1/protection/children/" + MALI + "/screenings",
                "{\"items\":[\"domestic-violence\"],\"reason\":\"เด็กเล่าว่ามีการทำร้ายกันในบ้าน\"}"), 201));
        String path = "/api/v1/protection/concerns/" + concern;
        var worker = as(session(), "socialdev.kk");
        ok(worker.postJson(path + "/status", "{\"status\":\"CLOSED\",\"revision\":" + revision(concern) + "}"), 204);
        assertThat(ok(worker.getJson(path), 200)).contains("\"status\":\"CLOSED\"").contains(MALI.toString());
        assertThat(worker.get("/protection/concerns/" + concern, "text/html").statusCode()).isEqualTo(200);
        ok(worker.postJson(path + "/status", "{\"status\":\"OPEN\",\"revision\":" + revision(concern) + "}"), 204);
        assertThat(ok(teacher.getJson(path), 200)).contains("\"status\":\"OPEN\"");
        // Released, so the shared demo child's log is as the other tests expect it.
        ok(worker.postJson(path + "/release", "{\"reason\":\"ทดสอบเสร็จแล้ว\"}"), 204);
    }

    @Test
    void theWorkerSeesTheWholeChildForProtection() {
        var teacher = as(session(), "teacher.kk");
        UUID concern = concernOf(ok(teacher.postJson("/api/v1/protection/children/" + MALI + "/screenings",
                "{\"items\":[\"unexplained-injury\",\"not-with-parents\"],\"reason\":\"รอยช้ำที่แขน\"}"), 201));
        var worker = as(session(), "socialdev.kk");
        long before = protectionReads();
        String whole = ok(worker.get("/children/" + MALI + "/whole", "text/html"), 200);
        // Household (the grant) with the screening's items, as a protection role; the read is for protection.
        assertThat(whole).contains("id=\"living-arrangement\"").contains("class=\"living-item\"");
        assertThat(protectionReads()).isGreaterThan(before);
        // The concern page links to it and lists the guardians the grant covers; the office's worker moves it on.
        String page = ok(worker.get("/protection/concerns/" + concern, "text/html"), 200);
        assertThat(page).contains("/children/" + MALI + "/whole").contains("id=\"concern-guardians\"")
                .contains("id=\"status-form\"");
        // The subcommittee's secretary works on it too, but does not move it on: no form that would refuse.
        String committee = ok(as(session(), "committee.kk").get("/protection/concerns/" + concern, "text/html"), 200);
        assertThat(committee).doesNotContain("id=\"status-form\"");
        // A status or revision that is none: 400 on the form, the field named.
        var bogus = worker.postForm("/protection/concerns/" + concern + "/status", "status=BOGUS&revision=0");
        assertThat(bogus.statusCode()).isEqualTo(400);
        assertThat(bogus.body()).contains("status: OPEN, IN_PROGRESS or CLOSED");
        var abc = worker.postForm("/protection/concerns/" + concern + "/status", "status=OPEN&revision=abc");
        assertThat(abc.statusCode()).isEqualTo(400);
        assertThat(abc.body()).contains("revision");
        // A second release says so on the page.
        ok(worker.postJson("/api/v1/protection/concerns/" + concern + "/release", "{\"reason\":\"ปลอดภัยแล้ว\"}"), 204);
        var again = worker.postForm("/protection/concerns/" + concern + "/release", "reason=again");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(ok(worker.get("/protection/concerns/" + concern, "text/html"), 200)).contains("id=\"release-error\"");
    }

    @Test
    void theDemoHasAChildProtectionSubcommitteeWithCommitteeKkAsSecretary() {
        assertThat(jdbc.sql("""
                SELECT count(*) FROM committee c JOIN committee_member m ON m.committee_id = c.id
                WHERE c.kind = 'CHILD_PROTECTION' AND c.district_code = '4001' AND m.username = 'committee.kk'
                  AND m.role = 'SECRETARY'""").query(Long.class).single()).isEqualTo(1);
    }

    private long protectionReads() {
        return jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND username = 'socialdev.kk'"
                + " AND purpose = 'protection'").param(MALI).query(Long.class).single();
    }

    @Test
    void twoEditorsOfAProvincesFirstRuleCannotBothWin() {
        String body = """
                {"weights":{"not-with-parents":2,"caregiver-unable":3,"unexplained-injury":6,"neglect-signs":3,
                 "long-absence":%d,"domestic-violence":6,"no-registration":2,"child-labour":4},
                 "mediumAt":3,"highAt":6,"revision":0}""";
        try {
            // Both saw the national rule (revision 0 for Chiang Mai's own); the second must not overwrite the first.
            ok(as(session(), "admin").postJson("/api/v1/protection/rules/50", body.formatted(2)), 200);
            assertThat(as(session(), "officer.chiangmai").postJson("/api/v1/protection/rules/50", body.formatted(5))
                    .statusCode()).isEqualTo(409);
            assertThat(jdbc.sql("SELECT weight FROM protection_weight WHERE province_code = '50'"
                    + " AND item_code = 'long-absence'").query(Integer.class).single()).isEqualTo(2);
        } finally {
            jdbc.sql("DELETE FROM protection_rule WHERE province_code = '50'").update();
        }
    }

    /** The protection screenings in the guardian's export (the whole log as the family is shown it). */
    private static long screenings(WebClientSession guardian) {
        String export = ok(guardian.get("/family/children/" + MALI + "/export.json", "application/json"), 200);
        return Pattern.compile("protection-screening").matcher(export).results().count();
    }

    /** The screenings on the guardian's page (its latest 200 entries: a withheld one never adds to them). */
    private static long onPage(WebClientSession guardian) {
        String page = ok(guardian.get("/family/children/" + MALI, "text/html"), 200);
        return Pattern.compile("คัดกรองความเสี่ยงด้านการคุ้มครองเด็ก|Child protection risk screening").matcher(page)
                .results().count();
    }

    private int revision(UUID concern) {
        return jdbc.sql("SELECT revision FROM protection_concern WHERE id = ?").param(concern).query(Integer.class)
                .single();
    }

    static UUID concernOf(String answer) {
        var m = Pattern.compile("\"concernId\":\"([0-9a-f-]{36})\"").matcher(answer);
        assertThat(m.find()).as(answer).isTrue();
        return UUID.fromString(m.group(1));
    }
}
