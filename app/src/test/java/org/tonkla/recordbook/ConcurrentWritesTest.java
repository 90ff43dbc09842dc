package org.tonkla.recordbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.core.thai.NationalId;
import org.tonkla.demo.DemoUnits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Check-then-insert races, tried through real parallel HTTP requests: the database keeps the invariants
 * (one current dose per child, code and day; one roster row per child, day and unit; one registration per
 * national ID; one center at a time), and no race answers 500.
 */
class ConcurrentWritesTest extends IntegrationTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final int PARALLEL = 6;

    @Autowired
    JdbcClient jdbc;

    private WebClientSession as(String username) {
        var s = session();
        assertThat(s.login(username, "tonkla-demo")).isEqualTo("/");
        return s;
    }

    private static String newNationalId() {
        String first12 = "1409" + String.format("%08d", 72_000_000 + SERIAL.incrementAndGet() * 11 + (int) (System.nanoTime() % 11));
        return first12 + NationalId.checkDigit(first12);
    }

    /** Runs the same request from {@code PARALLEL} sessions released at one instant; their answers. */
    private static List<HttpResponse<String>> atOnce(List<Supplier<HttpResponse<String>>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            var start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (var request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (var f : futures) answers.add(f.get());
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private String registerChild(WebClientSession teacher, String name) {
        var r = teacher.postJson("/api/v1/children", """
                {"givenNameTh":"%s","familyNameTh":"ทดสอบพร้อมกัน","sex":"M","dateOfBirth":"%s","nationalId":"%s",
                 "confirmedNew":true}"""
                .formatted(name, today().minusYears(2), newNationalId()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("id").asString();
    }

    @Test
    void theSameNationalIdRegisteredAtOnceMakesOneChild() throws Exception {
        String nationalId = newNationalId();
        String name = "พร้อมกัน" + SERIAL.incrementAndGet();
        String body = """
                {"givenNameTh":"%s","familyNameTh":"ทดสอบพร้อมกัน","sex":"F","dateOfBirth":"%s","nationalId":"%s"}"""
                .formatted(name, today().minusYears(3), nationalId);
        List<Supplier<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            var teacher = as("teacher.kk");
            requests.add(() -> teacher.postJson("/api/v1/children", body));
        }
        var answers = atOnce(requests);
        assertThat(answers).extracting(HttpResponse::statusCode).allMatch(s -> s == 201 || s == 200 || s == 409);
        assertThat(answers).extracting(HttpResponse::statusCode).filteredOn(s -> s == 201).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM child WHERE given_name_th = ?").param(name).query(Long.class).single())
                .isEqualTo(1);
        for (var a : answers) assertThat(a.body()).doesNotContain(nationalId);
    }

    @Test
    void theSameDoseEnteredAtOnceIsOneDose() throws Exception {
        var teacher = as("teacher.kk");
        String child = registerChild(teacher, "วัคซีนซ้ำ");
        String dose = "{\"vaccineCode\":\"010\",\"givenOn\":\"" + today().minusYears(2).plusDays(1) + "\"}";
        List<Supplier<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            var s = as("teacher.kk");
            requests.add(() -> s.postJson("/api/v1/children/" + child + "/immunizations", dose));
        }
        var answers = atOnce(requests);
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201);
        assertThat(answers).extracting(a -> json.readTree(a.body()).get("id").asString()).containsOnly(
                json.readTree(answers.getFirst().body()).get("id").asString());
        assertThat(jdbc.sql("SELECT count(*) FROM immunization WHERE child_id = ? AND superseded_by IS NULL")
                .param(UUID.fromString(child)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void oneRosterRowSavedTwiceAtOnceKeepsOneCurrentMeasurement() throws Exception {
        var teacher = as("teacher.kk");
        String child = registerChild(teacher, "ห้องเรียนซ้ำ");
        List<Supplier<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            var s = as("teacher.kk");
            String form = "measuredOn=" + today() + "&weightKg=" + (11 + i * 0.1) + "&lengthCm=86";
            requests.add(() -> s.postForm("/units/" + DemoUnits.KHON_KAEN_CENTER + "/roster/" + child, form));
        }
        var answers = atOnce(requests);
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(jdbc.sql("SELECT count(*) FROM growth_measurement WHERE child_id = ? AND superseded_by IS NULL")
                .param(UUID.fromString(child)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoApprovalsAtOnceEnrolTheChildAtOneCenterOnly() throws Exception {
        String nationalId = newNationalId();
        LocalDate dob = today().minusYears(3).minusDays(5);
        var health = as("health.kk");
        var registered = health.postJson("/api/v1/children", """
                {"givenNameTh":"สองศูนย์","familyNameTh":"ทดสอบพร้อมกัน","sex":"F","dateOfBirth":"%s","nationalId":"%s",
                 "enrolmentKind":"REGISTERED"}""".formatted(dob, nationalId));
        String child = json.readTree(registered.body()).get("id").asString();
        String ask = """
                {"givenNameTh":"สองศูนย์","familyNameTh":"ทดสอบพร้อมกัน","sex":"F","dateOfBirth":"%s","nationalId":"%s"}"""
                .formatted(dob, nationalId);
        assertThat(as("teacher.kk").postJson("/api/v1/children", ask).statusCode()).isEqualTo(202);
        assertThat(as("school.kk").postJson("/api/v1/children", ask).statusCode()).isEqualTo(202);
        List<Supplier<HttpResponse<String>>> requests = new ArrayList<>();
        for (JsonNode r : json.readTree(health.getJson("/api/v1/join-requests?unit=" + DemoUnits.KHON_KAEN_HEALTH_CENTER).body())) {
            if (!r.get("child").get("id").asString().equals(child)) continue;
            var s = as("health.kk");
            String decision = "{\"approve\":true,\"revision\":" + r.get("revision").asInt() + "}";
            String path = "/api/v1/join-requests/" + r.get("id").asString() + "/decision";
            requests.add(() -> s.postJson(path, decision));
        }
        assertThat(requests).hasSize(2);
        var answers = atOnce(requests);
        // The second approval meets the first's enrolment: at once, the unique index refuses it (409); a moment
        // later the child is enrolled at a center, which alone may now let it go, so the health unit is refused
        // (403, or 409 when it had checked just before). Either way one approval holds and one center has the child.
        assertThat(answers).extracting(HttpResponse::statusCode).allMatch(s -> s == 204 || s == 409 || s == 403)
                .filteredOn(s -> s == 204).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM enrolment WHERE child_id = ? AND kind = 'ENROLLED' AND ended_on IS NULL")
                .param(UUID.fromString(child)).query(Long.class).single()).isEqualTo(1);
    }
}
