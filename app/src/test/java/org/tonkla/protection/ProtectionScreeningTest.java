package org.tonkla.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;

/**
 * Issue 17 §2: the protection risk screening is data (items, weights, thresholds) configurable per province; the
 * result is a level with the items that caused it, and a province's own rule changes the result.
 */
class ProtectionScreeningTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    static WebClientSession as(WebClientSession s, String username) {
        assertThat(s.login(username, "tonkla-demo")).isEqualTo("/");
        return s;
    }

    static String ok(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return r.body();
    }

    /** A classmate of the demo class at teacher.kk's center (DemoChildren). */
    static UUID classmate(int i) {
        return UUID.nameUUIDFromBytes(("demo-class:" + i).getBytes());
    }

    @Test
    void theLevelIsTheSumOfTheWeightsAgainstTheThresholds() {
        var rule = new RiskRule("TH", Map.of("not-with-parents", 2, "unexplained-injury", 6, "neglect-signs", 3,
                "long-absence", 0), 3, 6, 0);
        // Living with grandparents alone is not a risk; with neglect it is medium; an unexplained injury is high.
        assertThat(rule.assess(Set.of("not-with-parents")).level()).isEqualTo(RiskLevel.LOW);
        var medium = rule.assess(Set.of("not-with-parents", "neglect-signs", "long-absence"));
        assertThat(medium.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(medium.score()).isEqualTo(5);
        // An item of weight 0 caused nothing.
        assertThat(medium.causes()).containsExactlyInAnyOrder("not-with-parents", "neglect-signs");
        var high = rule.assess(Set.of("not-with-parents", "unexplained-injury"));
        assertThat(high.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(high.causes()).containsExactlyInAnyOrder("not-with-parents", "unexplained-injury");
    }

    @Test
    void aProvincesOwnRuleChangesTheResult() {
        var teacher = as(session(), "teacher.kk");
        String path = "/api/v1/protection/children/" + classmate(20) + "/screenings";
        // National default: not with parents (2) + long absence (2) = 4, medium (3 to 5).
        assertThat(ok(teacher.postJson(path, "{\"items\":[\"not-with-parents\",\"long-absence\"]}"), 201))
                .contains("\"level\":\"MEDIUM\"").contains("not-with-parents").contains("long-absence");

        // Khon Kaen's officer sets its own rule: long absence weighs 5, high from 7.
        var officer = as(session(), "officer.khonkaen");
        String rule = ok(officer.getJson("/api/v1/protection/rules/40"), 200);
        int revision = jdbc.sql("SELECT coalesce(max(revision), 0) FROM protection_rule WHERE province_code = '40'")
                .query(Integer.class).single();
        String body = """
                {"weights":{"not-with-parents":2,"caregiver-unable":3,"unexplained-injury":6,"neglect-signs":3,
                 "long-absence":5,"domestic-violence":6,"no-registration":2,"child-labour":4},
                 "mediumAt":%d,"highAt":%d,"revision":%d}""";
        // Thresholds in the wrong order are named.
        assertThat(ok(officer.postJson("/api/v1/protection/rules/40", body.formatted(5, 5, revision)), 400)).contains("highAt");
        // Another province's officer may not set Khon Kaen's rule; nor a teacher.
        assertThat(as(session(), "officer.chiangmai").postJson("/api/v1/protection/rules/40", body.formatted(3, 7, revision))
                .statusCode()).isEqualTo(403);
        assertThat(teacher.getJson("/api/v1/protection/rules/40").statusCode()).isEqualTo(403);
        assertThat(rule).contains("mediumAt");
        ok(officer.postJson("/api/v1/protection/rules/40", body.formatted(3, 7, revision)), 200);
        try {
            // Now 2 + 5 = 7: high, which needs a reason.
            assertThat(ok(teacher.postJson(path, "{\"items\":[\"not-with-parents\",\"long-absence\"]}"), 400))
                    .contains("reason");
            // The national default still applies elsewhere.
            assertThat(ok(as(session(), "admin").getJson("/api/v1/protection/rules/50"), 200)).contains("\"provinceCode\":\"TH\"");
            assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'protection.rule.saved' AND entity_id = '40'")
                    .query(Long.class).single()).isPositive();
        } finally {
            jdbc.sql("DELETE FROM protection_rule WHERE province_code = '40'").update();
        }
        // An item that is not on the list is named.
        assertThat(ok(teacher.postJson(path, "{\"items\":[\"rumour\"]}"), 400)).contains("items");
    }
}
