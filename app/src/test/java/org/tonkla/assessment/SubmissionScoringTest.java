package org.tonkla.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.assessment.Drafts.PlanInput;
import org.tonkla.assessment.Drafts.RatingInput;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.directory.Directory;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;

/**
 * What a submission stores, checked against the standard's published rules (THAI-RULES §1.5): items
 * scored 0–3; the district worksheet's per-indicator sum and maximum; and the documented default
 * for levels (mean of item scores rounded down; the center's level is its weakest standard).
 */
class SubmissionScoringTest extends IntegrationTest {

    @Autowired
    CenterAssessments assessments;
    @Autowired
    Directory directory;
    @Autowired
    JdbcClient jdbc;

    @Test
    void submissionStoresTheWorksheetTotalsAndLevels() {
        UUID center = Fixtures.center(directory, "DLA", "300101", "ศูนย์พัฒนาเด็กเล็กคะแนน");
        var head = Fixtures.user("head.score", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(center));
        int year = assessments.currentYearBe();
        UUID id = assessments.open(center, year, head);

        Map<String, RatingInput> ratings = new HashMap<>();
        // A center with no child in the registry and the default profile: Standards 1–2 and group ข, 68 items.
        var items = assessments.sheet(id, head).applicableItems();
        assertThat(items).hasSize(68);
        for (var item : items) ratings.put(item.key(), rate(3));
        // Indicator 1.1: 3 + 2 + 2 = 7 of 9, mean 2.33 → ดี.
        ratings.put("1.1.2", rate(2));
        ratings.put("1.1.3", rate(2));
        // Indicator 1.2: 1 + 2 + 2 + 2 = 7 of 12, mean 1.75 → ผ่านเกณฑ์ขั้นต้น (rounded down, not up).
        ratings.put("1.2.1", rate(1));
        ratings.put("1.2.2", rate(2));
        ratings.put("1.2.3", rate(2));
        ratings.put("1.2.4", rate(2));
        // Standard 3 ข: no child records at this center, so the center's own ratings count.
        ratings.put("3.7.1 ข", rate(2));
        assessments.saveDraft(id, ratings, Map.of(), head);

        // 1.2.1 is below ดี and has no plan yet: submission is refused, naming it.
        assertThatThrownBy(() -> assessments.submit(id, assessments.sheet(id, head).revision(), head))
                .isInstanceOfSatisfying(AssessmentRefused.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("assessment.error.planMissing");
                    assertThat(e.subjects()).containsExactly("1.2.1");
                });
        assessments.saveDraft(id, Map.of(), Map.of("1.2.1", new PlanInput("จัดทำทะเบียนบุคลากร", "หัวหน้าศูนย์",
                LocalDate.of(org.tonkla.core.thai.BuddhistEra.toCommonEraYear(year), 12, 31))), head);
        assessments.submit(id, assessments.sheet(id, head).revision(), head);

        assertThat(indicator(id, "1.1")).containsExactly(7, 9, 2);
        assertThat(indicator(id, "1.2")).containsExactly(7, 12, 1);
        // Standard 1: 7 + 7 + 8×3 + 7×3 + 4×3 = 71 over 26 items, mean 2.73 → ดี.
        // Standard 2: all 20 at 3 → ดีมาก. Standard 3 ข: 21×3 + 2 = 65 over 22, mean 2.95 → ดี.
        var row = jdbc.sql("SELECT status, level_s1, level_s2, level_s3, level_overall, passed, score, max_score, zero_items FROM center_assessment WHERE id = ?")
                .param(id).query((rs, i) -> new Object[] {rs.getString(1), rs.getObject(2), rs.getObject(3), rs.getObject(4),
                        rs.getObject(5), rs.getObject(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)}).single();
        assertThat(row[0]).isEqualTo("SUBMITTED");
        assertThat(new Object[] {row[1], row[2], row[3]}).containsExactly(2, 3, 2);
        // Every indicator has items now: an overall result, the weakest standard; no item at 0, so it passes.
        assertThat(row[4]).isEqualTo(2);
        assertThat(row[5]).isEqualTo(true);
        assertThat(new Object[] {row[6], row[7], row[8]}).containsExactly(71 + 60 + 65, 3 * 68, 0);
    }

    @Test
    void nextYearsSheetShowsLastYearsLevelsAndPlans() {
        UUID center = Fixtures.center(directory, "DLA", "300103", "ศูนย์พัฒนาเด็กเล็กปีต่อปี");
        var head = Fixtures.user("head.years", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(center));
        var officer = Fixtures.user("officer.years", Role.PROVINCIAL_OFFICER, "DLA", OrgUnit.area("30"));
        int lastYear = assessments.currentYearBe() - 1;
        UUID last = assessments.open(center, lastYear, head);
        Map<String, RatingInput> ratings = new HashMap<>();
        for (var item : assessments.sheet(last, head).applicableItems()) ratings.put(item.key(), rate(2));
        ratings.put("1.3.1", rate(1));
        // Due after today: a plan due in the past is refused (issue 10 §7), also on last year's sheet.
        assessments.saveDraft(last, ratings, Map.of("1.3.1", new PlanInput("ติดตั้งรั้วสนามเด็กเล่น", "ครูสมศรี",
                today().plusMonths(3))), head);
        assessments.submit(last, assessments.sheet(last, head).revision(), head);
        assessments.review(last, assessments.sheet(last, officer).revision(), Map.of(), Reviews.Decision.ACCEPT_REMAINING, null, officer);
        // Carrying out the plan is recorded after acceptance; the results stay locked.
        assessments.markPlanDone(last, "1.3.1", head);

        UUID current = assessments.open(center, lastYear + 1, head);
        AssessmentSheet sheet = assessments.sheet(current, head);
        assertThat(sheet.previous()).containsEntry("1.3.1", ItemLevel.BASIC).containsEntry("1.1.1", ItemLevel.GOOD);
        assertThat(sheet.previousPlans().get("1.3.1").action()).isEqualTo("ติดตั้งรั้วสนามเด็กเล่น");
        assertThat(sheet.previousPlans().get("1.3.1").doneOn()).isNotNull();
    }

    @Test
    void onlyTheHeadOfTheCenterOpensAndSubmits() {
        UUID center = Fixtures.center(directory, "DLA", "300102", "ศูนย์พัฒนาเด็กเล็กสิทธิ์");
        var caregiver = Fixtures.user("care.score", Role.CAREGIVER, "DLA", OrgUnit.serviceUnit(center));
        var otherHead = Fixtures.user("head.other", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(UUID.randomUUID()));
        assertThat(assessments.mayEdit(caregiver, center)).isTrue();
        assertThat(assessments.maySubmit(caregiver, center)).isFalse();
        assertThatThrownBy(() -> assessments.open(center, assessments.currentYearBe(), otherHead))
                .isInstanceOfAny(org.springframework.security.access.AccessDeniedException.class, org.tonkla.platform.Refused.class);
    }

    private int[] indicator(UUID id, String key) {
        return jdbc.sql("SELECT score, max_score, level FROM assessment_indicator_result WHERE assessment_id = ? AND indicator_key = ?")
                .params(id, key).query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}).single();
    }

    private static RatingInput rate(int score) {
        return new RatingInput(ItemLevel.ofScore(score), null);
    }
}
