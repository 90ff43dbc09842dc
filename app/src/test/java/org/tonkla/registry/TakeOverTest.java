package org.tonkla.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.core.thai.NationalId;
import org.tonkla.demo.DemoUnits;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The take-over the trust issue describes: a recorder of another unit (here: another province) who knows
 * a child's national ID, and tries birthdays, learns nothing, enrols nothing, and is rate-limited; the
 * child's own unit decides on the request it made.
 */
class TakeOverTest extends IntegrationTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;

    private WebClientSession as(String username, String password) {
        var s = session();
        assertThat(s.login(username, password)).isEqualTo("/");
        return s;
    }

    /** A caregiver of the Chiang Mai demo center, made for this test so its look-up quota is its own. */
    private WebClientSession chiangMaiCaregiver() {
        String username = "cm.caregiver." + SERIAL.incrementAndGet() + "." + System.nanoTime() % 100_000;
        accounts.create(new Accounts.AccountForm(username, "ครูเชียงใหม่", Role.CAREGIVER,
                new Scope("DLA", OrgUnit.serviceUnit(DemoUnits.CHIANG_MAI_CENTER)), "a-long-password", true), false);
        return as(username, "a-long-password");
    }

    private static String newNationalId() {
        String first12 = "1409" + String.format("%08d", 71_000_000 + SERIAL.incrementAndGet() * 7 + (int) (System.nanoTime() % 7));
        return first12 + NationalId.checkDigit(first12);
    }

    private static JsonNode body(java.net.http.HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    @Test
    void anIdentifierAndGuessedBirthdaysOpenNothingAndEnrolNothing() {
        String nationalId = newNationalId();
        LocalDate dob = today().minusYears(3).minusDays(11);
        String body = """
                {"givenNameTh":"รู้เลข","familyNameTh":"ทดสอบยึด","sex":"F","dateOfBirth":"%s","nationalId":"%s",
                 "enrolmentKind":"REGISTERED"}""";
        var health = as("health.kk", "tonkla-demo");
        var registered = health.postJson("/api/v1/children", body.formatted(dob, nationalId));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = body(registered).get("id").asString();

        var attacker = chiangMaiCaregiver();
        String attempt = """
                {"givenNameTh":"ใครก็ได้","familyNameTh":"เดาสุ่ม","sex":"F","dateOfBirth":"%s","nationalId":"%s"}""";
        var wrong = attacker.postJson("/api/v1/children", attempt.formatted(dob.minusDays(1), nationalId));
        var right = attacker.postJson("/api/v1/children", attempt.formatted(dob, nationalId));
        // The same answer whether or not the birthday is right: a pending request, no child id, no child data.
        assertThat(wrong.statusCode()).isEqualTo(202);
        assertThat(right.statusCode()).isEqualTo(202);
        assertThat(right.body()).isEqualTo(wrong.body());
        assertThat(right.body()).doesNotContain(id).doesNotContain("รู้เลข").doesNotContain(dob.toString());
        assertThat(body(right).get("status").asString()).isEqualTo("PENDING");

        // Nothing opened, nothing enrolled, nothing found by the identifier.
        assertThat(attacker.getJson("/api/v1/children/" + id).statusCode()).isEqualTo(403);
        assertThat(attacker.getJson("/api/v1/children?q=" + nationalId).body()).isEqualTo("[]");
        assertThat(jdbc.sql("SELECT count(*) FROM enrolment WHERE child_id = ? AND ended_on IS NULL")
                .param(UUID.fromString(id)).query(Long.class).single()).isEqualTo(1);
        // The requester's own list shows the request's status only.
        var outgoing = attacker.getJson("/api/v1/join-requests?direction=outgoing&unit=" + DemoUnits.CHIANG_MAI_CENTER);
        assertThat(outgoing.body()).contains("PENDING").doesNotContain(id).doesNotContain("รู้เลข");

        // The child's unit sees the request, with the warning that the birthday given did not match, and declines.
        var incoming = body(health.getJson("/api/v1/join-requests?unit=" + DemoUnits.KHON_KAEN_HEALTH_CENTER));
        JsonNode request = null;
        for (JsonNode r : incoming) if (r.get("child").get("id").asString().equals(id)) request = r;
        assertThat(request).as(incoming.toString()).isNotNull();
        assertThat(request.get("detailsMatch").asBoolean()).isFalse();
        var decided = health.postJson("/api/v1/join-requests/" + request.get("id").asString() + "/decision",
                "{\"approve\":false,\"revision\":" + request.get("revision").asInt() + "}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);
        var again = health.postJson("/api/v1/join-requests/" + request.get("id").asString() + "/decision",
                "{\"approve\":true,\"revision\":" + request.get("revision").asInt() + "}");
        assertThat(again.statusCode()).as("decided already: someone else changed it").isEqualTo(409);
        assertThat(attacker.getJson("/api/v1/children/" + id).statusCode()).isEqualTo(403);
        // The family's log shows who asked.
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND purpose = 'join-request'")
                .param(UUID.fromString(id)).query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anApprovedRequestMovesTheChildLikeATransfer() {
        String nationalId = newNationalId();
        LocalDate dob = today().minusYears(2).minusDays(40);
        var health = as("health.kk", "tonkla-demo");
        var registered = health.postJson("/api/v1/children", """
                {"givenNameTh":"ย้ายได้","familyNameTh":"ทดสอบขอ","sex":"M","dateOfBirth":"%s","nationalId":"%s",
                 "enrolmentKind":"REGISTERED"}""".formatted(dob, nationalId));
        String id = body(registered).get("id").asString();
        var teacher = as("teacher.kk", "tonkla-demo");
        var asked = teacher.postJson("/api/v1/children", """
                {"givenNameTh":"ย้ายได้","familyNameTh":"ทดสอบขอ","sex":"M","dateOfBirth":"%s","nationalId":"%s"}"""
                .formatted(dob, nationalId));
        assertThat(asked.statusCode()).isEqualTo(202);
        String requestId = body(asked).get("joinRequest").asString();
        JsonNode request = null;
        for (JsonNode r : body(health.getJson("/api/v1/join-requests?unit=" + DemoUnits.KHON_KAEN_HEALTH_CENTER))) {
            if (r.get("id").asString().equals(requestId)) request = r;
        }
        assertThat(request.get("detailsMatch").asBoolean()).isTrue();
        var approved = health.postJson("/api/v1/join-requests/" + requestId + "/decision",
                "{\"approve\":true,\"revision\":" + request.get("revision").asInt() + "}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
        assertThat(teacher.getJson("/api/v1/children/" + id).statusCode()).isEqualTo(200);
        // Registered at the health unit and enrolled at the center: the two kinds stand side by side.
        assertThat(jdbc.sql("SELECT kind FROM enrolment WHERE child_id = ? AND ended_on IS NULL ORDER BY kind")
                .param(UUID.fromString(id)).query(String.class).list()).containsExactly("ENROLLED", "REGISTERED");
    }

    @Test
    void identityLookUpsAreRateLimitedPerUser() {
        var attacker = chiangMaiCaregiver();
        int refused = 0;
        int answered = 0;
        for (int i = 0; i < 70; i++) {
            var r = attacker.getJson("/api/v1/children?q=" + newNationalId());
            if (r.statusCode() == 429) {
                refused++;
                assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            } else {
                answered++;
            }
        }
        assertThat(answered).isEqualTo(60);
        assertThat(refused).isEqualTo(10);
        // Another user's quota is untouched.
        assertThat(chiangMaiCaregiver().getJson("/api/v1/children?q=" + newNationalId()).statusCode()).isEqualTo(200);
    }
}
