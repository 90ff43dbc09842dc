package org.tonkla.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonkla.referral.ReferralFixtures.*;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnitType;

/** Issue 12 §1, §4, §6, §9 over the API: the lifecycle, the paths, who sees what, the accept race. */
class ReferralLifecycleTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Directory directory;

    @Test
    void acceptedAndCompletedWithAnOutcomeTheReferringUnitSees() {
        var teacher = as(session(), "teacher.kk");
        var health = as(session(), "health.kk");
        UUID id = refer(teacher, HEALTH_CENTER, "");
        assertThat(health.getJson("/api/v1/referrals?unit=" + HEALTH_CENTER + "&box=incoming").body()).contains(id.toString());
        assertThat(teacher.getJson("/api/v1/referrals?unit=" + CENTER + "&box=outgoing").body()).contains(id.toString());

        // Minimum necessary: a developmental referral shows growth and DSPM, not vaccines or health notes.
        String detail = health.getJson("/api/v1/referrals/" + id).body();
        assertThat(detail).contains("\"categories\"").contains("GROWTH").contains("DEVELOPMENT")
                .contains("\"immunizations\":[]").contains("\"notes\":[]");

        step(health, id, "receive", "{\"revision\":0}", 200);
        step(health, id, "accept", "{\"revision\":1}", 200);
        step(health, id, "appointments", "{\"revision\":2,\"appointmentAt\":\"" + java.time.Instant.now(clock).plusSeconds(86400)
                + "\",\"note\":\"ประเมิน DSPM ซ้ำ\"}", 200);
        step(health, id, "complete", "{\"revision\":3,\"outcome\":\"CONFIRMED_IN_TREATMENT\",\"note\":\"TEDA4I\"}", 200);

        String seen = teacher.getJson("/api/v1/referrals/" + id).body();
        assertThat(field(seen, "status")).isEqualTo("COMPLETED");
        assertThat(field(seen, "outcome")).isEqualTo("CONFIRMED_IN_TREATMENT");
        assertThat(seen).contains("\"kind\":\"accepted\"").contains("\"kind\":\"completed\"");
        assertThat(teacher.getJson("/api/v1/referrals/notifications").body()).contains("referral.notice.completed");

        // The family's access log has both units, for the purpose referral.
        List<String> who = jdbc.sql("SELECT DISTINCT username FROM access_log WHERE child_id = ? AND purpose = 'referral'")
                .param(MALI).query(String.class).list();
        assertThat(who).contains("teacher.kk", "health.kk");
    }

    @Test
    void declinedWithAReasonTheReferringUnitSees() {
        var teacher = as(session(), "teacher.kk");
        var health = as(session(), "health.kk");
        UUID id = refer(teacher, HEALTH_CENTER, "");
        step(health, id, "decline", "{\"revision\":0}", 400);
        step(health, id, "decline", "{\"revision\":0,\"reason\":\"เด็กอยู่นอกเขตรับผิดชอบ\"}", 200);
        String seen = teacher.getJson("/api/v1/referrals/" + id).body();
        assertThat(field(seen, "status")).isEqualTo("DECLINED");
        assertThat(field(seen, "declineReason")).isEqualTo("เด็กอยู่นอกเขตรับผิดชอบ");
        // A declined referral takes no more steps.
        step(health, id, "accept", "{\"revision\":1}", 409);
    }

    @Test
    void redirectedToAnotherUnitWhichTheReferringUnitFollows() {
        var teacher = as(session(), "teacher.kk");
        var health = as(session(), "health.kk");
        UUID hospital = directory.serviceUnitsIn("4001", ServiceUnitType.HOSPITAL, 5).stream()
                .filter(u -> u.acceptsNewRecords()).findFirst().orElseThrow().id();
        UUID id = refer(teacher, HEALTH_CENTER, "");
        // A non-health unit needs the guardian's consent; none is in force for Mali.
        step(health, id, "redirect", "{\"revision\":0,\"toUnit\":\"" + SOCIAL_OFFICE + "\",\"reason\":\"x\"}", 400);
        String done = step(health, id, "redirect", "{\"revision\":0,\"toUnit\":\"" + hospital
                + "\",\"reason\":\"ต้องพบกุมารแพทย์พัฒนาการ\"}", 200);
        assertThat(field(done, "status")).isEqualTo("REDIRECTED");
        UUID next = UUID.fromString(field(done, "redirectedTo"));
        String followed = teacher.getJson("/api/v1/referrals/" + next).body();
        assertThat(field(followed, "status")).isEqualTo("CREATED");
        assertThat(field(followed, "fromUnit")).isEqualTo(CENTER.toString());
        assertThat(field(followed, "toUnit")).isEqualTo(hospital.toString());
        // The first receiving unit is no longer party to the new referral.
        assertThat(health.getJson("/api/v1/referrals/" + next).statusCode()).isEqualTo(404);
    }

    @Test
    void aUnitNotPartyToTheReferralSeesNothingOfIt() {
        var teacher = as(session(), "teacher.kk");
        UUID id = refer(teacher, HEALTH_CENTER, "");
        var school = as(session(), "school.kk");
        assertThat(school.getJson("/api/v1/referrals/" + id).statusCode()).isEqualTo(404);
        assertThat(school.getJson("/api/v1/referrals?unit=" + KINDERGARTEN + "&box=incoming").body()).doesNotContain(id.toString());
        assertThat(school.getJson("/api/v1/referrals?unit=" + HEALTH_CENTER + "&box=incoming").statusCode()).isEqualTo(403);
        assertThat(school.postJson("/api/v1/referrals/" + id + "/accept", "{\"revision\":0}").statusCode()).isEqualTo(404);
        var chiangMai = as(session(), "officer.chiangmai");
        assertThat(chiangMai.getJson("/api/v1/referrals/" + id).statusCode()).isEqualTo(404);
        // The officer of the province is no party either until the referral is escalated to its agency.
        var officer = as(session(), "officer.khonkaen");
        assertThat(officer.getJson("/api/v1/referrals/" + id).statusCode()).isEqualTo(404);
        assertThat(school.getJson("/api/v1/referrals/notifications").body()).doesNotContain(id.toString());
    }

    @Test
    void twoUsersAcceptingAtOnceOneWinsTheOtherIsToldClearly() throws Exception {
        var teacher = as(session(), "teacher.kk");
        UUID id = refer(teacher, HEALTH_CENTER, "");
        var first = as(session(), "health.kk");
        var second = as(session(), "health.kk");
        first.getJson("/"); // warm both sessions
        second.getJson("/");
        var start = new CountDownLatch(1);
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (WebClientSession s : List.of(first, second)) {
            calls.add(() -> {
                start.await();
                return s.postJson("/api/v1/referrals/" + id + "/accept", "{\"revision\":0}");
            });
        }
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (var c : calls) futures.add(pool.submit(c));
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            String loser = null;
            for (var f : futures) {
                var r = f.get();
                codes.add(r.statusCode());
                if (r.statusCode() == 409) loser = r.body();
            }
            assertThat(codes).containsExactlyInAnyOrder(200, 409);
            assertThat(loser).contains("Someone else has already decided on this referral");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM referral_event WHERE referral_id = ? AND kind = 'accepted'")
                .param(id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aNonHealthAgencyNeedsConsentOrALegalBasisThatIsReviewed() {
        var teacher = as(session(), "teacher.kk");
        var refused = teacher.postJson("/api/v1/referrals", """
                {"childId":"%s","toUnit":"%s","needType":"household-support","reason":"ครอบครัวไม่มีรายได้"}"""
                .formatted(MALI, SOCIAL_OFFICE));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("basis");
        var noReason = teacher.postJson("/api/v1/referrals", """
                {"childId":"%s","toUnit":"%s","needType":"child-protection","reason":"x","basis":"CHILD_PROTECTION"}"""
                .formatted(MALI, SOCIAL_OFFICE));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("legalReason");
        var made = teacher.postJson("/api/v1/referrals", """
                {"childId":"%s","toUnit":"%s","needType":"child-protection","reason":"พบรอยช้ำซ้ำหลายครั้ง",
                 "basis":"CHILD_PROTECTION","legalReason":"พ.ร.บ.คุ้มครองเด็ก มาตรา 29"}""".formatted(MALI, SOCIAL_OFFICE));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(field(made.body(), "reviewNeeded")).isEqualTo("true");
        var officer = as(session(), "officer.khonkaen");
        assertThat(officer.get("/referrals/reviews", "text/html").body()).contains("พ.ร.บ.คุ้มครองเด็ก มาตรา 29");

        // The family sees neither the protection referral nor the entries it caused in the child's access log:
        // either could warn the person who harms the child.
        String id = field(made.body(), "id");
        var guardian = as(session(), "guardian.kk");
        assertThat(guardian.getJson("/api/v1/referrals/" + id).statusCode()).isEqualTo(404);
        assertThat(guardian.getJson("/api/v1/referrals?child=" + MALI).body()).doesNotContain(id);
        assertThat(guardian.get("/children/" + MALI, "text/html").body()).doesNotContain("referral " + id)
                .doesNotContain("พบรอยช้ำซ้ำหลายครั้ง");
        assertThat(logs.entriesFor(MALI, 500)).noneMatch(e -> e.detail() != null && e.detail().contains(id));
        // The log itself keeps the entry, for auditors and the hash chain.
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND detail LIKE ?")
                .params(MALI, "referral " + id + "%").query(Long.class).single()).isPositive();
    }

    @org.springframework.beans.factory.annotation.Autowired org.tonkla.consent.AccessLog logs;
}
