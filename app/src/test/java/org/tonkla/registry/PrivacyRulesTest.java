package org.tonkla.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the privacy rules promise (issue 4 §5, DESIGN.md users): analysts and administrators read no individual record, and lists a unit is shown
 * are in the family's access log.
 */
class PrivacyRulesTest extends IntegrationTest {

    private static final String MALI = "0192f0a0-0000-7000-8000-0000000000c1";
    private static final String CENTER = "0192f0a0-0000-7000-8000-000000000001";
    private static final JsonMapper json = JsonMapper.builder().build();


    private WebClientSession as(String username) {
        var s = session();
        assertThat(s.login(username, "tonkla-demo")).isEqualTo("/");
        return s;
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
