package org.tonkla.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.assessment.Drafts.RatingInput;
import org.tonkla.assessment.Reviews.Decision;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.directory.Directory;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.platform.Conflict;

/**
 * Two officers review one submitted assessment at the same moment, through the real pages over
 * HTTP: one returns an item, the other accepts. Exactly one decision is taken, the other officer
 * is told that someone else changed the assessment, and the database holds one consistent outcome
 * (status, revision, item marks and history agree). Nothing is lost silently.
 */
class ConcurrentReviewTest extends IntegrationTest {

    private static final Pattern META_CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern REVISION = Pattern.compile("name=\"revision\" value=\"(\\d+)\"");
    private static final String CHANGED = "มีผู้อื่นเปลี่ยนแบบประเมินนี้";

    @Autowired
    CenterAssessments assessments;
    @Autowired
    Directory directory;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    /** A submitted assessment at a new center, and two officers who may review it, each signed in. */
    private record Race(UUID unit, UUID id, String sheetPath, WebClientSession returner, WebClientSession accepter) {}

    @Test
    void twoOfficersDecideAtOnceExactlyOneWinsAndTheOtherIsTold() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                Race race = submittedAssessment("race" + round);
                Map<String, String> returnForm = Map.of("review|1.1.1", "RETURNED", "comment|1.1.1", "ขอหลักฐานเพิ่ม",
                        "decision", "RETURN");
                Map<String, String> acceptForm = Map.of("decision", "ACCEPT_REMAINING");
                // Both pages are open on the same revision before either officer decides.
                Prepared ret = prepare(race.returner(), race.sheetPath(), "/assessment/" + race.id() + "/review", returnForm);
                Prepared acc = prepare(race.accepter(), race.sheetPath(), "/assessment/" + race.id() + "/review", acceptForm);
                assertThat(ret.revision()).isEqualTo(acc.revision());

                CountDownLatch go = new CountDownLatch(1);
                Future<HttpResponse<String>> r1 = pool.submit(() -> {
                    go.await();
                    return race.returner().send(ret.request());
                });
                Future<HttpResponse<String>> r2 = pool.submit(() -> {
                    go.await();
                    return race.accepter().send(acc.request());
                });
                go.countDown();
                assertThat(r1.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(302);
                assertThat(r2.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(302);

                String returnerPage = race.returner().get(race.sheetPath(), "text/html").body();
                String accepterPage = race.accepter().get(race.sheetPath(), "text/html").body();
                boolean returnWon = returnerPage.contains("ส่งกลับให้ศูนย์แก้ไขแล้ว");
                boolean acceptWon = accepterPage.contains("รับรองผลการประเมินแล้ว");
                assertThat(returnWon ^ acceptWon).as("exactly one decision is taken (round %d)", round).isTrue();
                assertThat(returnWon ? accepterPage : returnerPage).contains(CHANGED);
                assertThat(returnWon ? returnerPage : accepterPage).doesNotContain(CHANGED);

                String status = jdbc.sql("SELECT status FROM center_assessment WHERE id = ?").param(race.id())
                        .query(String.class).single();
                int revision = jdbc.sql("SELECT revision FROM center_assessment WHERE id = ?").param(race.id())
                        .query(Integer.class).single();
                List<String> decisions = jdbc.sql("""
                        SELECT action FROM assessment_event WHERE assessment_id = ? AND action IN ('RETURNED', 'ACCEPTED')""")
                        .param(race.id()).query(String.class).list();
                Map<String, String> marks = jdbc.sql("SELECT item_key, review FROM assessment_rating WHERE assessment_id = ?")
                        .param(race.id()).query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                assertThat(revision).isEqualTo(ret.revision() + 1);
                if (returnWon) {
                    assertThat(status).isEqualTo("RETURNED");
                    assertThat(decisions).containsExactly("RETURNED");
                    assertThat(marks.get("1.1.1")).isEqualTo("RETURNED");
                } else {
                    assertThat(status).isEqualTo("ACCEPTED");
                    assertThat(decisions).containsExactly("ACCEPTED");
                    assertThat(marks.values()).containsOnly("ACCEPTED");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDecisionOnAStalePageIsRefusedAndTheAcceptedLockHolds() {
        Race race = submittedAssessment("stale");
        String review = "/assessment/" + race.id() + "/review";
        Prepared stale = prepare(race.returner(), race.sheetPath(), review,
                Map.of("review|1.1.1", "RETURNED", "comment|1.1.1", "ขอหลักฐานเพิ่ม", "decision", "RETURN"));
        Prepared accept = prepare(race.accepter(), race.sheetPath(), review, Map.of("decision", "ACCEPT_REMAINING"));
        assertThat(race.accepter().send(accept.request()).statusCode()).isEqualTo(302);
        assertThat(race.returner().send(stale.request()).statusCode()).isEqualTo(302);
        assertThat(race.returner().get(race.sheetPath(), "text/html").body()).contains(CHANGED).contains("รับรองแล้ว");
        assertThat(jdbc.sql("SELECT status FROM center_assessment WHERE id = ?").param(race.id()).query(String.class).single())
                .isEqualTo("ACCEPTED");

        // The service answers the same as a typed conflict (409), whoever calls it.
        CurrentUser officer = Fixtures.user("officer.stale", Role.PROVINCIAL_OFFICER, "DLA", OrgUnit.area("34"));
        assertThatThrownBy(() -> assessments.review(race.id(), stale.revision(), Map.of(), Decision.RETURN, null, officer))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.status()).isEqualTo(409));
        // The current revision is not enough to change an accepted assessment: the cycle refuses it.
        int now = assessments.sheet(race.id(), officer).revision();
        assertThatThrownBy(() -> assessments.review(race.id(), now, Map.of(), Decision.RETURN, null, officer))
                .isInstanceOfSatisfying(AssessmentRefused.class,
                        e -> assertThat(e.messageKey()).isEqualTo("assessment.error.notSubmitted"));
        // And the database refuses too, whatever the application does.
        assertThatThrownBy(() -> jdbc.sql("UPDATE center_assessment SET status = 'RETURNED', revision = revision + 1 WHERE id = ?")
                .param(race.id()).update()).isInstanceOf(DataAccessException.class);
    }

    @Test
    void aFormWithoutTheRevisionIsAnsweredOnThePageNotWithAnError() {
        Race race = submittedAssessment("norev");
        Prepared accept = prepare(race.accepter(), race.sheetPath(), "/assessment/" + race.id() + "/review",
                Map.of("decision", "ACCEPT", "revision", "not-a-number"));
        assertThat(race.accepter().send(accept.request()).statusCode()).isEqualTo(302);
        assertThat(race.accepter().get(race.sheetPath(), "text/html").body()).contains("แบบฟอร์มไม่ระบุว่ากรอกจากแบบประเมินฉบับใด");
        assertThat(jdbc.sql("SELECT status FROM center_assessment WHERE id = ?").param(race.id()).query(String.class).single())
                .isEqualTo("SUBMITTED");
    }

    private record Prepared(HttpRequest request, int revision) {}

    /** Reads the sheet as the officer's browser would and builds the POST its form would send. */
    private Prepared prepare(WebClientSession web, String sheetPath, String path, Map<String, String> form) {
        String page = web.get(sheetPath, "text/html").body();
        Matcher csrf = META_CSRF.matcher(page);
        assertThat(csrf.find()).as("signed in, with a CSRF token").isTrue();
        Matcher revision = REVISION.matcher(page);
        assertThat(revision.find()).as("the review form carries the revision").isTrue();
        Map<String, String> sent = new HashMap<>(form);
        sent.putIfAbsent("revision", revision.group(1));
        String body = sent.entrySet().stream().map(e -> AssessmentFormTest.enc(e.getKey()) + "=" + AssessmentFormTest.enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("X-CSRF-TOKEN", csrf.group(1)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return new Prepared(request, Integer.parseInt(revision.group(1)));
    }

    private Race submittedAssessment(String name) {
        UUID unit = Fixtures.center(directory, "DLA", "340201", "ศูนย์พัฒนาเด็กเล็กตรวจพร้อมกัน " + name);
        String suffix = unit.toString().substring(0, 8);
        String headName = Fixtures.account(accounts, "head.race." + suffix, Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        String officerA = Fixtures.account(accounts, "officer.a." + suffix, Role.PROVINCIAL_OFFICER, "DLA", OrgUnit.area("34"));
        String officerB = Fixtures.account(accounts, "officer.b." + suffix, Role.PROVINCIAL_OFFICER, "DCY", OrgUnit.area("34"));
        CurrentUser head = Fixtures.user(headName, Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        int year = assessments.currentYearBe();
        UUID id = assessments.open(unit, year, head);
        Map<String, RatingInput> ratings = new HashMap<>();
        for (CatalogueItem item : assessments.sheet(id, head).applicableItems()) {
            ratings.put(item.key(), new RatingInput(ItemLevel.GOOD, null));
        }
        assessments.saveDraft(id, ratings, Map.of(), head);
        assessments.submit(id, assessments.sheet(id, head).revision(), head);
        WebClientSession a = session();
        a.login(officerA, "tonkla-demo");
        WebClientSession b = session();
        b.login(officerB, "tonkla-demo");
        return new Race(unit, id, "/assessment/centers/" + unit + "/" + year, a, b);
    }
}
