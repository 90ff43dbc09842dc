package org.tonkla.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.core.thai.NationalId;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the privacy rules promise (issue 4 §5, DESIGN.md users): knowing an identifier does not open a
 * child's record, analysts and administrators read no individual record, and lists a unit is shown
 * are in the family's access log.
 */
class PrivacyRulesTest extends IntegrationTest {

    private static final String MALI = "0192f0a0-0000-7000-8000-0000000000c1";
    private static final String CENTER = "0192f0a0-0000-7000-8000-000000000001";
    private static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    private WebClientSession as(String username) {
        var s = session();
        assertThat(s.login(username, "tonkla-demo")).isEqualTo("/");
        return s;
    }

    @Test
    void anotherUnitKnowingTheIdentifierMustAlsoKnowTheBirthday() {
        String first12 = "1409" + String.format("%08d", 70_000_001);
        String nationalId = first12 + NationalId.checkDigit(first12);
        LocalDate dob = LocalDate.now().minusYears(3);
        String body = """
                {"givenNameTh":"รู้เลข","familyNameTh":"ทดสอบ","sex":"F","dateOfBirth":"%s","nationalId":"%s",
                 "enrolmentKind":"REGISTERED"}""";
        var health = as("health.kk");
        var registered = health.postJson("/api/v1/children", body.formatted(dob, nationalId));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = json.readTree(registered.body()).get("id").asString();

        var teacher = as("teacher.kk");
        var guessed = teacher.postJson("/api/v1/children", body.formatted(dob.minusDays(1), nationalId));
        assertThat(guessed.statusCode()).isEqualTo(400);
        assertThat(guessed.body()).contains("\"field\":\"identifier.mismatch\"").doesNotContain("รู้เลข");
        assertThat(teacher.getJson("/api/v1/children/" + id).statusCode()).isEqualTo(403);

        var known = teacher.postJson("/api/v1/children", body.formatted(dob, nationalId));
        assertThat(json.readTree(known.body()).get("id").asString()).isEqualTo(id);
        assertThat(teacher.getJson("/api/v1/children/" + id).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND username = 'teacher.kk' AND purpose = 'registration'")
                .param(UUID.fromString(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void administratorsOpenNoIndividualRecord() {
        var admin = as("admin");
        assertThat(admin.getJson("/api/v1/children/" + MALI).statusCode()).isEqualTo(403);
        assertThat(admin.get("/children/" + MALI, "text/html").statusCode()).isEqualTo(403);
        assertThat(admin.getJson("/api/v1/children?q=มะลิ").body()).doesNotContain("มะลิ");
    }

    @Test
    void theClassRosterAndSearchesAreInTheFamilysLog() {
        var teacher = as("teacher.kk");
        assertThat(teacher.get("/units/" + CENTER + "/roster", "text/html").statusCode()).isEqualTo(200);
        teacher.getJson("/api/v1/children?q=" + java.net.URLEncoder.encode("มะลิ ใจดี", java.nio.charset.StandardCharsets.UTF_8));
        var log = json.readTree(as("guardian.kk").getJson("/api/v1/children/" + MALI).body()).get("accessLog").toString();
        assertThat(log).contains("\"purpose\":\"roster\"").contains("\"purpose\":\"search\"");
    }

    @Test
    void anUnknownPurposeIsRefusedByName() {
        var r = as("health.kk").getJson("/api/v1/children/" + MALI + "?purpose=curiosity");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"purpose\"");
    }
}
