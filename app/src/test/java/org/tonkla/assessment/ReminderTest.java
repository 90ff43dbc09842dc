package org.tonkla.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.assessment.Drafts.RatingInput;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.directory.Directory;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.platform.Refused;

/**
 * Issue 10 §6: the reviewing officer reminds a center that has not handed in this year's self-assessment.
 * A center is reminded at most once a day, whoever reminds it, and the database holds that rule too; who
 * reminded which center when is kept; the head is told on her home page until the sheet is submitted; an
 * officer who does not review the center cannot remind it.
 */
class ReminderTest extends IntegrationTest {

    @Autowired
    Reminders reminders;
    @Autowired
    CenterAssessments assessments;
    @Autowired
    Directory directory;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCenterIsRemindedOnceADayAndTheHeadSeesItUntilSheSubmits() {
        UUID unit = Fixtures.center(directory, "DLA", "340407", "ศูนย์ที่ถูกเตือน");
        var officer = Fixtures.user("officer.reminds", Role.PROVINCIAL_OFFICER, "DLA", OrgUnit.area("34"));
        var another = Fixtures.user("officer.reminds2", Role.PROVINCIAL_OFFICER, "DLA", OrgUnit.area("34"));
        var elsewhere = Fixtures.user("officer.reminds50", Role.PROVINCIAL_OFFICER, "DLA", OrgUnit.area("50"));
        var head = Fixtures.user("head.reminded", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));

        // Not opened yet: reminded.
        assertThat(reminders.pending(unit)).isEmpty();
        var sent = reminders.remind(unit, officer);
        assertThat(sent.yearBe()).isEqualTo(assessments.currentYearBe());
        var pending = reminders.pending(unit).orElseThrow();
        assertThat(pending.by()).isEqualTo("officer.reminds");
        assertThat(reminders.remindedToday(java.util.List.of(unit))).containsExactly(unit);

        // A second reminder the same day is refused, whoever sends it; the database refuses it too.
        assertThatThrownBy(() -> reminders.remind(unit, another)).isInstanceOfSatisfying(AssessmentRefused.class,
                e -> assertThat(e.messageKey()).isEqualTo("assessment.reminder.already"));
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO assessment_reminder (id, unit_id, province_code, year_be, reminded_on, reminded_by, reminded_at)
                VALUES (?,?,?,?,?,?,?)""").params(UUID.randomUUID(), unit, "34", assessments.currentYearBe(),
                Date.valueOf(today()), "someone", Timestamp.from(Instant.now())).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(count(unit)).isEqualTo(1);
        // Who reminded which center is in the audit trail too.
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'assessment_reminder' AND entity_id = ?"
                + " AND actor = ?").params(unit.toString(), "officer.reminds").query(Integer.class).single()).isEqualTo(1);

        // An officer of another province does not review this center: refused, nothing written.
        assertThatThrownBy(() -> reminders.remind(unit, elsewhere)).isInstanceOf(Refused.class);
        assertThat(count(unit)).isEqualTo(1);

        // A reminder from yesterday does not stop today's.
        jdbc.sql("UPDATE assessment_reminder SET reminded_on = reminded_on - 1 WHERE unit_id = ?").param(unit).update();
        reminders.remind(unit, another);
        assertThat(count(unit)).isEqualTo(2);
        assertThat(reminders.pending(unit).orElseThrow().by()).isEqualTo("officer.reminds2");

        // Once the sheet is submitted the head is no longer told, and no reminder is needed.
        UUID id = assessments.open(unit, assessments.currentYearBe(), head);
        Map<String, RatingInput> ratings = new HashMap<>();
        for (CatalogueItem item : assessments.sheet(id, head).applicableItems()) {
            ratings.put(item.key(), new RatingInput(ItemLevel.GOOD, null));
        }
        assessments.saveDraft(id, ratings, Map.of(), head);
        assertThat(reminders.pending(unit)).isPresent(); // a draft is not handed in
        assessments.submit(id, assessments.sheet(id, head).revision(), head);
        assertThat(reminders.pending(unit)).isEmpty();
        jdbc.sql("DELETE FROM assessment_reminder WHERE unit_id = ?").param(unit).update();
        assertThatThrownBy(() -> reminders.remind(unit, officer)).isInstanceOfSatisfying(AssessmentRefused.class,
                e -> assertThat(e.messageKey()).isEqualTo("assessment.reminder.notNeeded"));
    }

    @Test
    void theOfficerRemindsFromTheMonitoringListAndTheHeadReadsItOnHerHomePage() {
        UUID unit = Fixtures.center(directory, "DLA", "340408", "ศูนย์ที่ถูกเตือนทางหน้าเว็บ");
        String officer = Fixtures.account(accounts, "officer.remind.web", Role.PROVINCIAL_OFFICER, "DLA", OrgUnit.area("3404"));
        String head = Fixtures.account(accounts, "head.remind.web", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));

        var web = session();
        assertThat(web.login(officer, "tonkla-demo")).isEqualTo("/");
        String list = web.get("/assessment/monitoring?area=3404&list=NOT_SUBMITTED", "text/html").body();
        assertThat(list).contains("/assessment/centers/" + unit + "/remind");
        var answer = web.postForm("/assessment/centers/" + unit + "/remind",
                "back=" + java.net.URLEncoder.encode("/assessment/monitoring?area=3404&list=NOT_SUBMITTED", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/assessment/monitoring?area=3404&list=NOT_SUBMITTED");
        String after = web.get("/assessment/monitoring?area=3404&list=NOT_SUBMITTED", "text/html").body();
        assertThat(after).contains("ส่งการเตือนให้ศูนย์แล้ว").contains("เตือนแล้ววันนี้")
                .doesNotContain("/assessment/centers/" + unit + "/remind");
        // Sent again by hand the same day: refused with the reason, still one reminder.
        web.postForm("/assessment/centers/" + unit + "/remind", "");
        assertThat(web.get("/assessment/monitoring", "text/html").body()).contains("เตือนได้วันละครั้ง");
        assertThat(count(unit)).isEqualTo(1);
        // A redirect elsewhere is not followed.
        var offsite = web.postForm("/assessment/centers/" + unit + "/remind", "back=https://example.org/");
        assertThat(offsite.headers().firstValue("Location").orElse("")).endsWith("/assessment/monitoring");

        var headSession = session();
        assertThat(headSession.login(head, "tonkla-demo")).isEqualTo("/");
        String home = headSession.get("/", "text/html").body();
        assertThat(home).contains("id=\"home-reminder\"").contains("เจ้าหน้าที่เตือนให้ส่งแบบประเมินตนเอง ปี "
                + assessments.currentYearBe()).contains("officer.remind.web");
        // The head may not remind (nor may anyone but a reviewing officer).
        assertThat(headSession.postForm("/assessment/centers/" + unit + "/remind", "").statusCode()).isEqualTo(403);
    }

    private int count(UUID unit) {
        return jdbc.sql("SELECT count(*) FROM assessment_reminder WHERE unit_id = ?").param(unit).query(Integer.class).single();
    }
}
