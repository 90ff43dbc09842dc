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
import org.tonkla.assessment.AssessmentSheet.ReviewMark;
import org.tonkla.assessment.Reviews.Decision;
import org.tonkla.assessment.Drafts.PlanInput;
import org.tonkla.assessment.Drafts.RatingInput;
import org.tonkla.assessment.Reviews.ReviewInput;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.directory.Directory;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;

/**
 * A returned assessment: the items the officer did not return keep the figures they were submitted
 * (and accepted) with, even when the center's records change meanwhile; only the returned items are
 * worked on again, with today's figures.
 */
class ReturnedAssessmentTest extends IntegrationTest {

    @Autowired
    CenterAssessments assessments;
    @Autowired
    Directory directory;
    @Autowired
    JdbcClient jdbc;

    @Test
    void itemsNotReturnedKeepTheirSubmittedFiguresAndTheCenterCanResubmit() {
        UUID unit = Fixtures.center(directory, "DLA", "340401", "ศูนย์พัฒนาเด็กเล็กส่งกลับ");
        var head = Fixtures.user("head.returned", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        var officer = Fixtures.user("officer.returned", Role.PROVINCIAL_OFFICER, "DLA", OrgUnit.area("34"));
        int yearBe = assessments.currentYearBe() - 1;
        int yearCe = org.tonkla.core.thai.BuddhistEra.toCommonEraYear(yearBe);
        // Born 15 Aug: 42 months on 15 Feb of the assessed year; screened inside the 30-day window.
        LocalDate born = LocalDate.of(yearCe - 4, 8, 15);
        LocalDate enrolled = LocalDate.of(yearCe - 1, 6, 1);
        LocalDate screened = LocalDate.of(yearCe, 2, 20);
        Fixtures.screenedChild(jdbc, unit, born, enrolled, screened, "1B260");

        // Submitted with every item ดี; 3.4.1 ข counts the records' 1 of 1 (ดีมาก), the one DSPM mapping the
        // standard states; the other DSPM items show the figure as advice.
        UUID id = assessments.open(unit, yearBe, head);
        Map<String, RatingInput> ratings = new HashMap<>();
        for (CatalogueItem item : assessments.sheet(id, head).applicableItems()) {
            ratings.put(item.key(), new RatingInput(ItemLevel.GOOD, null));
        }
        assessments.saveDraft(id, ratings, Map.of(), head);
        assessments.submit(id, assessments.sheet(id, head).revision(), head);

        // The officer accepts 3.2.1 ข and returns 1.2.1; 3.4.1 ข stays open.
        assessments.review(id, assessments.sheet(id, officer).revision(), Map.of("3.2.1 ข", new ReviewInput(ReviewMark.ACCEPTED, null),
                "1.2.1", new ReviewInput(ReviewMark.RETURNED, "ขอทะเบียนบุคลากร")), Decision.RETURN, null, officer);

        // Meanwhile three more children are screened and referred: 1 of 4 is below ดี.
        for (int i = 0; i < 3; i++) Fixtures.screenedChild(jdbc, unit, born, enrolled, screened, "1B262");

        // The center sees the figures it submitted for the items it cannot change, not today's.
        AssessmentSheet returned = assessments.sheet(id, head);
        assertThat(returned.status()).isEqualTo(AssessmentStatus.RETURNED);
        assertThat(returned.itemEditable("3.4.1 ข")).isFalse();
        ComputedItem accepted = returned.computed().get("3.4.1 ข");
        assertThat(new int[] {accepted.a(), accepted.b()}).containsExactly(1, 1);
        assertThat(returned.effectiveLevel("3.4.1 ข")).isEqualTo(ItemLevel.VERY_GOOD);

        // It fixes the returned item and resubmits; nothing asks for a plan on an item it cannot edit.
        assessments.saveDraft(id, Map.of("1.2.1", new RatingInput(ItemLevel.VERY_GOOD, "แนบทะเบียนแล้ว")), Map.of(), head);
        assessments.submit(id, assessments.sheet(id, head).revision(), head);
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(detail(id, "3.4.1 ข")).isEqualTo("DSPM:1:1:0:0:3:V:C");
        // 3.2.1 ข: the same share, advice only (its mapping is inferred).
        assertThat(detail(id, "3.2.1 ข")).isEqualTo("DSPM:1:1:0:0:3:I:-");
        // Standard 3 ข: 21 items at ดี and 3.4.1 ข at the records' ดีมาก: mean 2.05 → ดี.
        assertThat(jdbc.sql("SELECT level_s3 FROM center_assessment WHERE id = ?").param(id).query(Integer.class).single())
                .isEqualTo(2);

        // When the officer returns the DSPM item, the center works on it with today's figures: 1 of 4,
        // ต้องปรับปรุง, so that item (and only that item) needs a plan before resubmitting.
        assessments.review(id, assessments.sheet(id, officer).revision(), Map.of("3.4.1 ข", new ReviewInput(ReviewMark.RETURNED, "ผลพัฒนาการล่าสุดลดลง")),
                Decision.RETURN, null, officer);
        AssessmentSheet again = assessments.sheet(id, head);
        ComputedItem live = again.computed().get("3.4.1 ข");
        assertThat(new int[] {live.a(), live.b()}).containsExactly(1, 4);
        assertThat(again.effectiveLevel("3.4.1 ข")).isEqualTo(ItemLevel.NEEDS_IMPROVEMENT);
        // 3.2.1 ข was not returned: it keeps the figure it was submitted with.
        assertThat(again.computed().get("3.2.1 ข").b()).isEqualTo(1);
        assertThatThrownBy(() -> assessments.submit(id, assessments.sheet(id, head).revision(), head))
                .isInstanceOfSatisfying(AssessmentRefused.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("assessment.error.planMissing");
                    assertThat(e.subjects()).containsExactly("3.4.1 ข");
                });
        // Due after today: a plan due in the past is refused (issue 10 §7).
        assessments.saveDraft(id, Map.of(), Map.of("3.4.1 ข", new PlanInput("เยี่ยมบ้านเด็กที่ส่งต่อ", "ครูประจำชั้น",
                today().plusMonths(4))), head);
        assessments.submit(id, assessments.sheet(id, head).revision(), head);
        assertThat(detail(id, "3.4.1 ข")).isEqualTo("DSPM:1:4:0:0:0:V:C");
        assertThat(detail(id, "3.2.1 ข")).isEqualTo("DSPM:1:1:0:0:3:I:-");
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT status FROM center_assessment WHERE id = ?").param(id).query(String.class).single();
    }

    private String detail(UUID id, String item) {
        return jdbc.sql("SELECT computed_detail FROM assessment_rating WHERE assessment_id = ? AND item_key = ?")
                .params(id, item).query(String.class).single();
    }
}
