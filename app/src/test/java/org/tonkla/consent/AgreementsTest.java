package org.tonkla.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MOU in the authorization kernel (issue 13 §7): a user of an agency that serves no unit of the child
 * reads only what an active agreement releases for the declared purpose; consent withdrawn stops research
 * reads at once; an emergency opening is recorded, marked and reviewed.
 */
class AgreementsTest extends IntegrationTest {

    /** มะลิ ใจดี: at the demo DLA center and registered at the demo MOPH health center, Mueang Khon Kaen. */
    private static final String MALI = "0192f0a0-0000-7000-8000-0000000000c1";
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private WebClientSession as(String username, String password) {
        var s = session();
        assertThat(s.login(username, password)).isEqualTo("/");
        return s;
    }

    /** A BMA health worker with Mueang Khon Kaen in scope: BMA serves none of มะลิ's units. */
    private WebClientSession otherAgencyHealthWorker() {
        String username = "bma.health." + SERIAL.incrementAndGet() + "." + System.nanoTime() % 100_000;
        accounts.create(new Accounts.AccountForm(username, "เจ้าหน้าที่ กทม.", Role.HEALTH_WORKER,
                new Scope("BMA", OrgUnit.area("4001")), "a-long-password", true), false);
        return as(username, "a-long-password");
    }

    private String agreement(WebClientSession admin, String code, String categories, String purposes) {
        var created = admin.postJson("/api/v1/agreements", """
                {"code":"%s","titleTh":"ข้อตกลงทดสอบ","legalBasis":"พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล มาตรา 24","level":"NAMED",
                 "validFrom":"2024-01-01","parties":["BMA","DLA"],"categories":[%s],"purposes":[%s]}"""
                .formatted(code, categories, purposes));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();
        var active = admin.postJson("/api/v1/agreements/" + id + "/status", "{\"status\":\"ACTIVE\",\"revision\":0}");
        assertThat(active.statusCode()).as(active.body()).isEqualTo(204);
        return id;
    }

    private void expire(WebClientSession admin, String id) {
        int revision = json.readTree(admin.getJson("/api/v1/agreements/" + id).body()).get("revision").asInt();
        assertThat(admin.postJson("/api/v1/agreements/" + id + "/status",
                "{\"status\":\"EXPIRED\",\"revision\":" + revision + "}").statusCode()).isEqualTo(204);
    }

    private static JsonNode body(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    @Test
    void anotherAgencyReadsDevelopmentOnlyWithAnAgreementForThePurpose() {
        var reader = otherAgencyHealthWorker();
        var none = reader.getJson("/api/v1/children/" + MALI + "?purpose=referral&categories=DEVELOPMENT");
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("no active agreement between BMA");

        var admin = as("admin", "tonkla-demo");
        String id = agreement(admin, "TEST-REF-" + SERIAL.incrementAndGet(), "\"IDENTITY\",\"DEVELOPMENT\"", "\"REFERRAL\"");
        try {
            var otherPurpose = reader.getJson("/api/v1/children/" + MALI + "?purpose=care&categories=DEVELOPMENT");
            assertThat(otherPurpose.statusCode()).as("an agreement for referral does not cover care").isEqualTo(403);
            assertThat(otherPurpose.body()).contains("CARE");

            var allowed = reader.getJson("/api/v1/children/" + MALI + "?purpose=referral&categories=DEVELOPMENT");
            assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
            var book = body(allowed);
            assertThat(book.get("screenings").isArray()).isTrue();
            // Growth is not in the agreement: withheld, not shown.
            assertThat(book.get("withheld").toString()).contains("GROWTH").doesNotContain("DEVELOPMENT");
            assertThat(book.get("measurements")).isEmpty();
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM access_log WHERE child_id = ? AND purpose = 'referral' AND agency_code = 'BMA'""")
                    .param(UUID.fromString(MALI)).query(Long.class).single()).isGreaterThanOrEqualTo(1);
        } finally {
            expire(admin, id);
        }
        assertThat(reader.getJson("/api/v1/children/" + MALI + "?purpose=referral").statusCode())
                .as("an expired agreement releases nothing at the next read").isEqualTo(403);
    }

    @Test
    void withdrawnConsentStopsResearchReadsAtTheNextRead() {
        var reader = otherAgencyHealthWorker();
        var admin = as("admin", "tonkla-demo");
        String id = agreement(admin, "TEST-RES-" + SERIAL.incrementAndGet(), "\"IDENTITY\",\"GROWTH\"", "\"RESEARCH\"");
        var guardian = as("guardian.kk", "tonkla-demo");
        try {
            assertThat(reader.getJson("/api/v1/children/" + MALI + "?purpose=research").statusCode())
                    .as("research needs the family's consent").isEqualTo(403);
            assertThat(guardian.postJson("/api/v1/children/" + MALI + "/consents",
                    "{\"purpose\":\"RESEARCH\",\"given\":true}").statusCode()).isEqualTo(204);
            assertThat(reader.getJson("/api/v1/children/" + MALI + "?purpose=research").statusCode()).isEqualTo(200);
            assertThat(guardian.postJson("/api/v1/children/" + MALI + "/consents",
                    "{\"purpose\":\"RESEARCH\",\"given\":false}").statusCode()).isEqualTo(204);
            assertThat(reader.getJson("/api/v1/children/" + MALI + "?purpose=research").statusCode()).isEqualTo(403);
            assertThat(guardian.getJson("/api/v1/children/" + MALI + "/consents").body()).contains("RESEARCH");
        } finally {
            expire(admin, id);
        }
    }

    @Test
    void anEmergencyOpeningIsMarkedAndWaitsForReview() {
        var reader = otherAgencyHealthWorker();
        assertThat(reader.getJson("/api/v1/children/" + MALI).statusCode()).isEqualTo(403);
        var tooShort = reader.postJson("/api/v1/children/" + MALI + "/break-glass", "{\"reason\":\"urgent\"}");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        var opened = reader.postJson("/api/v1/children/" + MALI + "/break-glass",
                "{\"reason\":\"เด็กหมดสติที่ห้องฉุกเฉิน ต้องทราบประวัติแพ้ยา\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        assertThat(body(opened).get("child").get("givenNameTh").asString()).isEqualTo("มะลิ");
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND purpose = 'emergency' AND detail LIKE 'break-glass%'")
                .param(UUID.fromString(MALI)).query(Long.class).single()).isGreaterThanOrEqualTo(1);

        var admin = as("admin", "tonkla-demo");
        JsonNode opening = null;
        for (JsonNode o : body(admin.getJson("/api/v1/break-glass"))) {
            if (o.get("childId").asString().equals(MALI) && o.get("status").asString().equals("OPEN")
                    && o.get("reason").asString().contains("แพ้ยา")) opening = o;
        }
        assertThat(opening).isNotNull();
        assertThat(opening.get("reason").asString()).contains("แพ้ยา");
        String review = "/api/v1/break-glass/" + opening.get("id").asString() + "/review";
        String decision = "{\"decision\":\"ACCEPTED\",\"revision\":" + opening.get("revision").asInt() + "}";
        assertThat(admin.postJson(review, decision).statusCode()).isEqualTo(204);
        assertThat(admin.postJson(review, decision).statusCode()).as("reviewed already").isEqualTo(409);
        // Reviewers only: the opener cannot clear their own opening.
        assertThat(reader.getJson("/api/v1/break-glass").statusCode()).isEqualTo(403);
    }

    @Test
    void aRefusedChildPageOffersTheEmergencyOpening() {
        var social = as("social.kk", "tonkla-demo");
        var refused = social.get("/children/" + MALI, "text/html");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("/children/" + MALI + "/emergency");
        var opened = social.postForm("/children/" + MALI + "/emergency",
                "reason=" + java.net.URLEncoder.encode("ศาลขอข้อมูลด่วนในคดีคุ้มครองเด็ก", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("มะลิ");
    }

    @Test
    void aPartnerWritesOnlyTheCategoriesItsAgreementReleases() {
        var reader = otherAgencyHealthWorker();
        var admin = as("admin", "tonkla-demo");
        String id = agreement(admin, "TEST-W-" + SERIAL.incrementAndGet(), "\"IDENTITY\",\"GROWTH\"", "\"CARE\"");
        try {
            String today = today().toString();
            var growth = reader.postJson("/api/v1/children/" + MALI + "/measurements",
                    "{\"measuredOn\":\"" + today + "\",\"weightKg\":17.5,\"lengthCm\":104}");
            assertThat(growth.statusCode()).as(growth.body()).isIn(201, 422);
            var screening = reader.postJson("/api/v1/children/" + MALI + "/screenings", "{\"screenedOn\":\"" + today
                    + "\",\"domains\":{\"GM\":\"NORMAL\",\"FM\":\"NORMAL\",\"RL\":\"NORMAL\",\"EL\":\"NORMAL\",\"PS\":\"NORMAL\"}}");
            assertThat(screening.statusCode()).as("development is not in the agreement").isEqualTo(403);
            var vaccine = reader.postJson("/api/v1/children/" + MALI + "/immunizations",
                    "{\"vaccineCode\":\"073\",\"givenOn\":\"" + today + "\"}");
            assertThat(vaccine.statusCode()).isEqualTo(403);
        } finally {
            expire(admin, id);
        }
    }

    @Test
    void officersDoNotBreakGlassAndNobodyReviewsTheirOwnOpening() {
        var officer = as("officer.chiangmai", "tonkla-demo");
        assertThat(officer.postJson("/api/v1/children/" + MALI + "/break-glass",
                "{\"reason\":\"เด็กหลงทาง ต้องติดต่อผู้ปกครองด่วน\"}").statusCode()).isEqualTo(403);
        var reader = otherAgencyHealthWorker();
        assertThat(reader.postJson("/api/v1/children/" + MALI + "/break-glass",
                "{\"reason\":\"\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\"}").statusCode())
                .as("zero-width characters are no reason").isEqualTo(400);
    }

    @Test
    void anAgreementSignedForLaterCanBeEndedBeforeItStarts() {
        var admin = as("admin", "tonkla-demo");
        var created = admin.postJson("/api/v1/agreements", """
                {"code":"TEST-FUT-%d","titleTh":"ข้อตกลงล่วงหน้า","legalBasis":"ทดสอบ","level":"NAMED",
                 "validFrom":"%s","parties":["BMA","DLA"],"categories":["IDENTITY"],"purposes":["CARE"]}"""
                .formatted(SERIAL.incrementAndGet(), today().plusYears(1)));
        String id = json.readTree(created.body()).get("id").asString();
        assertThat(admin.postJson("/api/v1/agreements/" + id + "/status", "{\"status\":\"ACTIVE\",\"revision\":0}")
                .statusCode()).isEqualTo(204);
        assertThat(admin.postJson("/api/v1/agreements/" + id + "/status", "{\"status\":\"EXPIRED\",\"revision\":1}")
                .statusCode()).isEqualTo(204);
    }

    @Test
    void theDemoAgencyWithoutAnAgreementReadsNoChild() {
        var social = as("social.kk", "tonkla-demo");
        assertThat(social.getJson("/api/v1/children/" + MALI).statusCode()).isEqualTo(403);
        assertThat(social.getJson("/api/v1/children?q=" + java.net.URLEncoder.encode("มะลิ",
                java.nio.charset.StandardCharsets.UTF_8)).body()).doesNotContain(MALI);
        assertThat(social.get("/units/0192f0a0-0000-7000-8000-000000000001/roster", "text/html").statusCode())
                .as("a unit's class list names its children").isEqualTo(403);
        assertThat(social.getJson("/api/v1/children?unit=0192f0a0-0000-7000-8000-000000000001").statusCode()).isEqualTo(403);
        // Scope over the province does not reach another agency's unit: no registering there, no looking up an
        // identifier through it, no lists of its requests.
        assertThat(social.postJson("/api/v1/children", """
                {"unitId":"0192f0a0-0000-7000-8000-000000000001","noIdentifierReason":"ไม่มีเอกสาร","givenNameTh":"ทดสอบ",
                 "familyNameTh":"สังคม","sex":"M","dateOfBirth":"2023-01-05"}""").statusCode()).isEqualTo(403);
        assertThat(social.get("/units/0192f0a0-0000-7000-8000-000000000001/correction-requests", "text/html")
                .statusCode()).isEqualTo(403);
        assertThat(social.getJson("/api/v1/join-requests?unit=0192f0a0-0000-7000-8000-000000000003&direction=outgoing")
                .statusCode()).isEqualTo(403);
        assertThat(social.getJson("/api/v1/assessments/0192f0a0-0000-7000-8000-000000000001/2569").statusCode())
                .as("a center's assessment is an MOU category too").isIn(403, 404);
        // The agencies of the demo agreement read as before.
        assertThat(as("officer.khonkaen", "tonkla-demo").getJson("/api/v1/children/" + MALI).statusCode()).isEqualTo(200);
    }
}
