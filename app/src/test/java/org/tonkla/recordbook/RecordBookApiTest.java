package org.tonkla.recordbook;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record book over the API, on real PostgreSQL: each fact entered once and read by every unit
 * in scope, the duplicate guard, validation naming each field, scope and the access log, masked
 * national IDs, corrections that keep history, and the unit's work list.
 */
class RecordBookApiTest extends IntegrationTest {

    private static final String MALI = "0192f0a0-0000-7000-8000-0000000000c1";
    private static final String KONG = "0192f0a0-0000-7000-8000-0000000000c2";
    private static final String CENTER = "0192f0a0-0000-7000-8000-000000000001";
    private static final AtomicInteger SERIAL = new AtomicInteger(1);
    private static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    private WebClientSession as(String username) {
        var s = session();
        assertThat(s.login(username, "tonkla-demo")).isEqualTo("/");
        return s;
    }

    private static JsonNode body(java.net.http.HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** A checksum-valid national ID (THAI-RULES §4) that no demo child has. */
    private static String newNationalId() {
        String first12 = "1409" + String.format("%08d", 90_000_000 + SERIAL.getAndIncrement());
        return first12 + NationalId.checkDigit(first12);
    }

    private String register(WebClientSession teacher, String given, String family, LocalDate dob, String nationalId) {
        var response = teacher.postJson("/api/v1/children", """
                {"givenNameTh":"%s","familyNameTh":"%s","sex":"F","dateOfBirth":"%s","nationalId":"%s","className":"ทดสอบ"}"""
                .formatted(given, family, dob, nationalId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return body(response).get("id").asString();
    }

    @Test
    void aMeasurementEnteredOnceIsTheSameRecordForEveryUnitInScope() {
        var teacher = as("teacher.kk");
        String id = register(teacher, "ขวัญใจ", "ทดสอบหนึ่ง", today().minusMonths(20), newNationalId());
        var saved = teacher.postJson("/api/v1/children/" + id + "/measurements",
                "{\"measuredOn\":\"" + today() + "\",\"weightKg\":10.2,\"lengthCm\":81.0,\"position\":\"L\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        assertThat(body(saved).get("zLhfa").isNumber()).isTrue();

        // The provincial officer reads the very same row (its id), not a copy.
        var officerView = body(as("officer.khonkaen").getJson("/api/v1/children/" + id));
        assertThat(officerView.get("measurements")).hasSize(1);
        assertThat(officerView.get("measurements").get(0).get("id").asString()).isEqualTo(body(saved).get("id").asString());
        assertThat(officerView.get("measurements").get(0).get("recordedBy").asString()).isEqualTo("teacher.kk");
        assertThat(officerView.get("measurements").get(0).get("unitId").asString()).isEqualTo(CENTER);
    }

    @Test
    void theSameNationalIdIsAlwaysTheSameChildAndSimilarNamesAreShownFirst() {
        var teacher = as("teacher.kk");
        LocalDate dob = today().minusYears(2).minusDays(3);
        String nationalId = newNationalId();
        String first = register(teacher, "พิมพ์ชนก", "ทดสอบซ้ำ", dob, nationalId);
        var again = teacher.postJson("/api/v1/children", """
                {"givenNameTh":"พิมพ์ชนก","familyNameTh":"ทดสอบซ้ำ","sex":"F","dateOfBirth":"%s","nationalId":"%s"}"""
                .formatted(dob, nationalId));
        assertThat(again.statusCode()).as("already at this unit").isEqualTo(200);
        assertThat(body(again).get("id").asString()).isEqualTo(first);

        // Another spelling of the same name (ณ for น), same birthday, no identifier: the candidates come back.
        var similar = teacher.postJson("/api/v1/children", """
                {"givenNameTh":"พิมพ์ชณก","familyNameTh":"ทดสอบซ้ำ","sex":"F","dateOfBirth":"%s","noIdentifierReason":"ยังไม่ได้แจ้งเกิด"}"""
                .formatted(dob));
        assertThat(similar.statusCode()).isEqualTo(409);
        assertThat(similar.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(body(similar).get("candidates").toString()).contains(first);
        var confirmed = teacher.postJson("/api/v1/children", """
                {"givenNameTh":"พิมพ์ชณก","familyNameTh":"ทดสอบซ้ำ","sex":"F","dateOfBirth":"%s","noIdentifierReason":"ยังไม่ได้แจ้งเกิด","confirmedNew":true}"""
                .formatted(dob));
        assertThat(confirmed.statusCode()).isEqualTo(201);
        assertThat(body(confirmed).get("id").asString()).isNotEqualTo(first);
    }

    @Test
    void badInputNamesEachFieldAndWhatWasExpected() {
        var teacher = as("teacher.kk");
        String id = register(teacher, "ทดสอบ", "ข้อมูลผิด", today().minusYears(1), newNationalId());

        var noDate = teacher.postJson("/api/v1/children/" + id + "/measurements", "{\"weightKg\":9,\"position\":\"X\"}");
        assertThat(noDate.statusCode()).isEqualTo(400);
        assertThat(noDate.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(body(noDate).get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("measuredOn", "position");

        var beforeBirth = teacher.postJson("/api/v1/children/" + id + "/measurements",
                "{\"measuredOn\":\"" + today().minusYears(2) + "\",\"weightKg\":9}");
        assertThat(body(beforeBirth).get("errors").findValuesAsString("field")).containsExactly("measuredOn");

        var missingDomain = teacher.postJson("/api/v1/children/" + id + "/screenings", """
                {"screenedOn":"%s","domains":{"GM":"NORMAL","FM":"NORMAL","RL":"NORMAL","PS":"NORMAL"}}""".formatted(today()));
        assertThat(missingDomain.statusCode()).isEqualTo(400);
        assertThat(body(missingDomain).get("errors").findValuesAsString("field")).containsExactly("domains.EL");

        var unknownVaccine = teacher.postJson("/api/v1/children/" + id + "/immunizations",
                "{\"vaccineCode\":\"ZZZ\",\"givenOn\":\"" + today() + "\"}");
        assertThat(unknownVaccine.statusCode()).isEqualTo(400);
        assertThat(body(unknownVaccine).get("errors").findValuesAsString("field")).containsExactly("vaccineCode");

        // Nothing was written by the refused requests.
        var book = body(teacher.getJson("/api/v1/children/" + id));
        assertThat(book.get("measurements")).isEmpty();
        assertThat(book.get("screenings")).isEmpty();
        assertThat(book.get("immunizations")).isEmpty();
    }

    @Test
    void implausibleValuesMustBeConfirmed() {
        var teacher = as("teacher.kk");
        String id = register(teacher, "ทดสอบ", "ค่าแปลก", today().minusMonths(6), newNationalId());
        // 25 kg at six months is far beyond the WHO plausible limit for weight-for-age (z > 5).
        String measurement = "{\"measuredOn\":\"" + today() + "\",\"weightKg\":25";
        var refused = teacher.postJson("/api/v1/children/" + id + "/measurements", measurement + "}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(body(refused).get("flags").toString()).contains("wei");
        var confirmed = teacher.postJson("/api/v1/children/" + id + "/measurements", measurement + ",\"confirmImplausible\":true}");
        assertThat(confirmed.statusCode()).isEqualTo(201);
    }

    @Test
    void screeningsGetTheirMophCodeAndAReCheckFollowsTheSuspectedOne() {
        var health = as("health.kk");
        // Registered for health services at the health center, which screens it: the first screening falls
        // 3 days into the 9-month window (THAI-RULES §2: the key age and the 29 days after it).
        var registered = health.postJson("/api/v1/children", """
                {"givenNameTh":"ทดสอบ","familyNameTh":"พัฒนาการ","sex":"M","dateOfBirth":"%s","nationalId":"%s",
                 "enrolmentKind":"REGISTERED"}""".formatted(today().minusDays(25 + 3).minusMonths(9), newNationalId()));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = body(registered).get("id").asString();
        String suspected = """
                {"screenedOn":"%s","domains":{"GM":"NORMAL","FM":"NORMAL","RL":"NORMAL","EL":"SUSPECTED_DELAY","PS":"NORMAL"}}"""
                .formatted(today().minusDays(25));
        var first = health.postJson("/api/v1/children/" + id + "/screenings", suspected);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        // THAI-RULES §2.1: 1B261 = suspected delay, stimulate for a month; 1B260 = development appropriate for age.
        assertThat(body(first).get("outcomeCode").asString()).isEqualTo("1B261");
        assertThat(body(first).get("keyAgeMonths").asInt()).isEqualTo(9);
        var recheck = health.postJson("/api/v1/children/" + id + "/screenings", """
                {"screenedOn":"%s","domains":{"GM":"NORMAL","FM":"NORMAL","RL":"NORMAL","EL":"NORMAL","PS":"NORMAL"}}"""
                .formatted(today()));
        assertThat(body(recheck).get("outcomeCode").asString()).isEqualTo("1B260");
        assertThat(body(recheck).get("followUpOf").asString()).isEqualTo(body(first).get("id").asString());
    }

    @Test
    void aReCheckThatStillFindsADelayIsAReferral() {
        var health = as("health.kk");
        var registered = health.postJson("/api/v1/children", """
                {"givenNameTh":"ทดสอบ","familyNameTh":"ส่งต่อ","sex":"M","dateOfBirth":"%s","nationalId":"%s",
                 "enrolmentKind":"REGISTERED"}""".formatted(today().minusDays(25 + 3).minusMonths(18), newNationalId()));
        String id = body(registered).get("id").asString();
        String delayed = """
                {"screenedOn":"%s","domains":{"GM":"NORMAL","FM":"NORMAL","RL":"NORMAL","EL":"SUSPECTED_DELAY","PS":"NORMAL"}}""";
        var first = body(health.postJson("/api/v1/children/" + id + "/screenings", delayed.formatted(today().minusDays(25))));
        assertThat(first.get("referred").asBoolean()).isFalse();
        var recheck = body(health.postJson("/api/v1/children/" + id + "/screenings", delayed.formatted(today())));
        // THAI-RULES §2 workflow step 4: still delayed after a month of stimulation → refer for TEDA4I.
        assertThat(recheck.get("followUpOf").asString()).isEqualTo(first.get("id").asString());
        assertThat(recheck.get("referred").asBoolean()).isTrue();
        assertThat(body(health.getJson("/api/v1/children/" + id)).get("needs").toString()).contains("need.dspm.refer");
    }

    @Test
    void aCorrectedDateOfBirthScoresTheMeasurementsAgain() {
        var teacher = as("teacher.kk");
        LocalDate wrongDob = today().minusYears(2);
        String id = register(teacher, "ทดสอบ", "วันเกิดผิด", wrongDob, newNationalId());
        var m = body(teacher.postJson("/api/v1/children/" + id + "/measurements",
                "{\"measuredOn\":\"" + today() + "\",\"weightKg\":12.5,\"lengthCm\":87}"));
        double before = m.get("zLhfa").asDouble();
        var csrf = java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"")
                .matcher(teacher.get("/", "text/html").body());
        assertThat(csrf.find()).isTrue();
        teacher.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/children/" + id
                        + "/corrections"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-TOKEN", csrf.group(1))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("field=dateOfBirth&newValue=" + wrongDob.minusYears(1)
                        + "&reason=" + java.net.URLEncoder.encode("ตามสูติบัตร", java.nio.charset.StandardCharsets.UTF_8)))
                .build());
        var after = body(teacher.getJson("/api/v1/children/" + id)).get("measurements").get(0);
        // A year older at the same 87 cm is far shorter for age: the length-for-age z-score drops.
        assertThat(after.get("ageDays").asInt()).isEqualTo(m.get("ageDays").asInt() + (int) java.time.temporal.ChronoUnit.DAYS
                .between(wrongDob.minusYears(1), wrongDob));
        assertThat(after.get("zLhfa").asDouble()).isLessThan(before - 1);
    }

    @Test
    void aResolvedAllergyStaysOnTheRecordButLeavesTheHandover() {
        var teacher = as("teacher.kk");
        String id = register(teacher, "ทดสอบ", "หายแพ้", today().minusYears(3), newNationalId());
        var csrf = java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"")
                .matcher(teacher.get("/", "text/html").body());
        assertThat(csrf.find()).isTrue();
        java.util.function.BiConsumer<String, String> post = (path, form) -> teacher.send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-TOKEN", csrf.group(1))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build());
        post.accept("/children/" + id + "/notes", "kind=ALLERGY&description="
                + java.net.URLEncoder.encode("แพ้นมวัว", java.nio.charset.StandardCharsets.UTF_8));
        var note = body(teacher.getJson("/api/v1/children/" + id)).get("healthNotes").get(0);
        assertThat(note.get("resolvedOn").isNull()).isTrue();
        post.accept("/children/" + id + "/notes/" + note.get("id").asString() + "/resolve", "resolvedOn=" + today());
        var resolved = body(teacher.getJson("/api/v1/children/" + id)).get("healthNotes").get(0);
        assertThat(resolved.get("resolvedOn").asString()).isEqualTo(today().toString());
        assertThat(resolved.get("description").asString()).isEqualTo("แพ้นมวัว");
    }

    @Test
    void scopeDecidesWhoReadsAChildAndEveryReadIsLogged() {
        var chiangMai = as("officer.chiangmai").getJson("/api/v1/children/" + MALI);
        assertThat(chiangMai.statusCode()).isEqualTo(403);
        assertThat(chiangMai.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(chiangMai.body()).doesNotContain("มะลิ");

        var guardian = as("guardian.kk");
        assertThat(guardian.getJson("/api/v1/children/" + KONG).statusCode()).isEqualTo(403);

        assertThat(as("health.kk").getJson("/api/v1/children/" + MALI + "?purpose=screening").statusCode()).isEqualTo(200);
        var own = body(guardian.getJson("/api/v1/children/" + MALI));
        assertThat(own.get("child").get("givenNameTh").asString()).isEqualTo("มะลิ");
        assertThat(own.get("accessLog").toString()).contains("health.kk").contains("screening");
    }

    @Test
    void nationalIdsAreMaskedInListsAndShownInFullOnlyToRolesThatNeedThem() {
        var teacher = as("teacher.kk");
        String nationalId = newNationalId();
        String id = register(teacher, "ทดสอบ", "เลขประจำตัว", today().minusYears(3), nationalId);

        var list = teacher.getJson("/api/v1/children?unit=" + CENTER).body();
        assertThat(list).doesNotContain(nationalId).contains("x-xxxx-xxxx");
        var byId = body(teacher.getJson("/api/v1/children?q=" + nationalId));
        assertThat(byId.get(0).get("id").asString()).isEqualTo(id);

        assertThat(body(teacher.getJson("/api/v1/children/" + id)).get("fullIdentifier").asString())
                .isEqualTo(new NationalId(nationalId).formatted());
        assertThat(body(as("officer.khonkaen").getJson("/api/v1/children/" + id)).get("fullIdentifier").isNull()).isTrue();
        // The database holds a keyed hash and ciphertext, never the digits.
        assertThat(jdbc.sql("SELECT count(*) FROM child WHERE encode(national_id_cipher, 'escape') LIKE ?")
                .param("%" + nationalId + "%").query(Long.class).single()).isZero();
    }

    @Test
    void aCorrectionOnTheRosterKeepsTheEarlierValue() {
        var teacher = as("teacher.kk");
        String id = register(teacher, "ทดสอบ", "แก้ไข", today().minusYears(3), newNationalId());
        for (String weight : new String[] {"13.0", "14.0"}) {
            var row = teacher.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            "http://localhost:" + port + "/units/" + CENTER + "/roster/" + id))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-CSRF-TOKEN", csrf(teacher))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "measuredOn=" + today() + "&weightKg=" + weight + "&lengthCm=95")).build());
            assertThat(row.statusCode()).isEqualTo(200);
        }
        var rows = jdbc.sql("SELECT weight_kg, superseded_by IS NULL FROM growth_measurement WHERE child_id = ? ORDER BY recorded_at")
                .param(UUID.fromString(id)).query((rs, i) -> rs.getString(1) + ":" + rs.getBoolean(2)).list();
        assertThat(rows).containsExactly("13.00:false", "14.00:true");
        assertThat(body(teacher.getJson("/api/v1/children/" + id)).get("measurements")).hasSize(1);
    }

    @Test
    void aCorrectedMeasurementSupersedesTheOldOneWhichIsKeptWithTheReason() {
        var health = as("health.kk");
        var registered = health.postJson("/api/v1/children", """
                {"givenNameTh":"ทดสอบ","familyNameTh":"แก้ค่า","sex":"F","dateOfBirth":"%s","nationalId":"%s",
                 "enrolmentKind":"REGISTERED"}""".formatted(today().minusMonths(14), newNationalId()));
        String id = body(registered).get("id").asString();
        String wrong = body(health.postJson("/api/v1/children/" + id + "/measurements",
                "{\"measuredOn\":\"" + today() + "\",\"weightKg\":9.1,\"lengthCm\":74}")).get("id").asString();

        var noReason = health.sendJson("PUT", "/api/v1/children/" + id + "/measurements/" + wrong,
                "{\"measurement\":{\"measuredOn\":\"" + today() + "\",\"weightKg\":9.6,\"lengthCm\":74}}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(body(noReason).get("errors").findValuesAsString("field")).containsExactly("reason");

        var corrected = health.sendJson("PUT", "/api/v1/children/" + id + "/measurements/" + wrong,
                "{\"measurement\":{\"measuredOn\":\"" + today() + "\",\"weightKg\":9.6,\"lengthCm\":74},"
                        + "\"reason\":\"อ่านตาชั่งผิด\"}");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        var measurements = body(health.getJson("/api/v1/children/" + id)).get("measurements");
        assertThat(measurements).hasSize(1);
        assertThat(measurements.get(0).get("weightKg").asDouble()).isEqualTo(9.6);
        var old = jdbc.sql("SELECT weight_kg || ':' || correction_reason FROM growth_measurement WHERE id = ?")
                .param(UUID.fromString(wrong)).query(String.class).single();
        assertThat(old).isEqualTo("9.10:อ่านตาชั่งผิด");
    }

    @Test
    void theWorkListShowsOverdueVaccinesAndChildrenNotMeasured() {
        var teacher = as("teacher.kk");
        // Five months old and nothing recorded: BCG and HB1 (birth) and the 2- and 4-month doses are overdue.
        register(teacher, "ทดสอบ", "งานค้าง", today().minusMonths(5), newNationalId());
        String page = teacher.get("/units/" + CENTER + "/worklist", "text/html").body();
        String vaccines = page.substring(page.indexOf("kind-VACCINE_OVERDUE"), page.indexOf("kind-NO_MEASUREMENT"));
        assertThat(vaccines).contains("ทดสอบ งานค้าง").contains("BCG").contains("HBV1").contains("DTP-HB-Hib 1").contains("OPV1");
        assertThat(page.substring(page.indexOf("kind-NO_MEASUREMENT"))).contains("ทดสอบ งานค้าง");
    }

    private static String csrf(WebClientSession s) {
        var m = java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"")
                .matcher(s.get("/", "text/html").body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
