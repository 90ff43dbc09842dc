package org.tonkla.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tonkla.IntegrationTest;
import org.tonkla.demo.DemoUnits;
import tools.jackson.databind.json.JsonMapper;

/** Issue 10 §8: a name typed without its tone mark still finds the child ("นำใส" finds "น้ำใส"). */
class ToneMarkSearchTest extends IntegrationTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aNameTypedWithoutToneMarksFindsTheChild() {
        var health = session();
        assertThat(health.login("health.kk", "tonkla-demo")).isEqualTo("/");
        var r = health.postJson("/api/v1/children", """
                {"givenNameTh":"น้ำใส","familyNameTh":"ใจเย็นทดสอบ","sex":"F","dateOfBirth":"%s","noIdentifierReason":"ไม่มีเอกสาร",
                 "unitId":"%s","enrolmentKind":"REGISTERED"}""".formatted(today().minusYears(2), DemoUnits.KHON_KAEN_HEALTH_CENTER));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String id = json.readTree(r.body()).get("id").asString();

        for (String typed : new String[] {"นำใส", "นำใส ใจเยนทดสอบ", "น้ำใส"}) {
            var found = health.getJson("/api/v1/children?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).as(typed).contains(id);
        }
        // The page search too.
        assertThat(health.get("/children?q=" + URLEncoder.encode("นำใส", StandardCharsets.UTF_8), "text/html").body())
                .contains("น้ำใส");
        // And a different name is not found by it.
        assertThat(health.getJson("/api/v1/children?q=" + URLEncoder.encode("นาใส ใจร้อน", StandardCharsets.UTF_8)).body())
                .doesNotContain(id);
    }
}
