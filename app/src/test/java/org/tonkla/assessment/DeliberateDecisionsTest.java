package org.tonkla.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonkla.IntegrationTest;
import org.tonkla.assessment.AssessmentSheet.ReviewMark;
import org.tonkla.assessment.Drafts.PlanInput;
import org.tonkla.assessment.Drafts.RatingInput;
import org.tonkla.assessment.Reviews.Decision;
import org.tonkla.assessment.Reviews.ReviewInput;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;

/**
 * Issue 10 §3 and §7, on the server: an officer cannot lock a center's results without reviewing every
 * item (unless she chooses to accept all remaining), and an improvement plan due in the past is refused.
 */
class DeliberateDecisionsTest extends IntegrationTest {

    @Autowired
    CenterAssessments assessments;
    @Autowired
    Directory directory;

    @Test
    void acceptingNeedsEveryItemReviewedOrTheExplicitAcceptRemaining() {
        UUID center = Fixtures.center(directory, "DLA", "300105", "ศูนย์พัฒนาเด็กเล็กตรวจครบ");
        var head = Fixtures.user("head.deliberate", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(center));
        var officer = Fixtures.user("officer.deliberate", Role.PROVINCIAL_OFFICER, "DLA", OrgUnit.area("30"));
        UUID id = submitted(center, head);
        var items = assessments.sheet(id, officer).applicableItems();

        // All but one item marked: plain acceptance is refused, naming the item not reviewed.
        Map<String, ReviewInput> marks = new HashMap<>();
        for (var item : items.subList(0, items.size() - 1)) marks.put(item.key(), new ReviewInput(ReviewMark.ACCEPTED, null));
        String last = items.getLast().key();
        assertThatThrownBy(() -> review(id, officer, marks, Decision.ACCEPT))
                .isInstanceOfSatisfying(AssessmentRefused.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("assessment.error.notAllReviewed");
                    assertThat(e.subjects()).containsExactly(last);
                });
        assertThat(assessments.sheet(id, officer).status()).isEqualTo(AssessmentStatus.SUBMITTED);

        // With the last item reviewed too, the same decision accepts.
        marks.put(last, new ReviewInput(ReviewMark.ACCEPTED, null));
        review(id, officer, marks, Decision.ACCEPT);
        assertThat(assessments.sheet(id, officer).status()).isEqualTo(AssessmentStatus.ACCEPTED);
    }

    @Test
    void acceptAllRemainingAcceptsTheItemsNotReviewed() {
        UUID center = Fixtures.center(directory, "DLA", "300106", "ศูนย์พัฒนาเด็กเล็กรับรองที่เหลือ");
        var head = Fixtures.user("head.remaining", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(center));
        var officer = Fixtures.user("officer.remaining", Role.PROVINCIAL_OFFICER, "DLA", OrgUnit.area("30"));
        UUID id = submitted(center, head);
        review(id, officer, Map.of(), Decision.ACCEPT_REMAINING);
        AssessmentSheet sheet = assessments.sheet(id, officer);
        assertThat(sheet.status()).isEqualTo(AssessmentStatus.ACCEPTED);
        assertThat(sheet.applicableItems()).allSatisfy(item -> assertThat(sheet.review(item.key())).isEqualTo(ReviewMark.ACCEPTED));
    }

    @Test
    void aPlanDueInThePastIsRefusedAndNothingIsSaved() {
        UUID center = Fixtures.center(directory, "DLA", "300107", "ศูนย์พัฒนาเด็กเล็กแผนย้อนหลัง");
        var head = Fixtures.user("head.pastplan", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(center));
        UUID id = assessments.open(center, assessments.currentYearBe(), head);
        var yesterday = today().minusDays(1);
        assertThatThrownBy(() -> assessments.saveDraft(id, Map.of("1.1.1", new RatingInput(ItemLevel.ofScore(0), null)),
                Map.of("1.1.1", new PlanInput("รับครูเพิ่ม", "หัวหน้าศูนย์", yesterday)), head))
                .isInstanceOfSatisfying(AssessmentRefused.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("assessment.error.planPast");
                    assertThat(e.subjects()).containsExactly("1.1.1");
                });
        AssessmentSheet sheet = assessments.sheet(id, head);
        assertThat(sheet.plans()).doesNotContainKey("1.1.1");
        assertThat(sheet.ratings()).doesNotContainKey("1.1.1");
        // Today is not in the past.
        assessments.saveDraft(id, Map.of(), Map.of("1.1.1", new PlanInput("รับครูเพิ่ม", "หัวหน้าศูนย์", today())), head);
        assertThat(assessments.sheet(id, head).plans().get("1.1.1").dueOn()).isEqualTo(today());
    }

    @Test
    void theOfficersHomePageQueuesTheSubmittedAssessmentsSheReviews() {
        var officer = session();
        assertThat(officer.login("officer.khonkaen", "tonkla-demo")).isEqualTo("/");
        int before = queued(officer.get("/", "text/html").body());
        UUID center = Fixtures.center(directory, "DLA", "400101", "ศูนย์พัฒนาเด็กเล็กรอตรวจหน้าแรก");
        var head = Fixtures.user("head.queue", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(center));
        submitted(center, head);
        String home = officer.get("/", "text/html").body();
        assertThat(queued(home)).isEqualTo(before + 1);
        // A head of a center has no review queue.
        var centerHead = session();
        assertThat(centerHead.login("head.kk", "tonkla-demo")).isEqualTo("/");
        assertThat(centerHead.get("/", "text/html").body()).doesNotContain("id=\"review-queue\"");
    }

    private static int queued(String home) {
        var m = java.util.regex.Pattern.compile("แบบประเมินรอตรวจ (\\d+) ศูนย์").matcher(home);
        assertThat(m.find()).as("the review queue on the officer's home page").isTrue();
        return Integer.parseInt(m.group(1));
    }

    private UUID submitted(UUID center, CurrentUser head) {
        UUID id = assessments.open(center, assessments.currentYearBe(), head);
        Map<String, RatingInput> ratings = new HashMap<>();
        for (var item : assessments.sheet(id, head).applicableItems()) ratings.put(item.key(), new RatingInput(ItemLevel.ofScore(2), null));
        assessments.saveDraft(id, ratings, Map.of(), head);
        assessments.submit(id, assessments.sheet(id, head).revision(), head);
        return id;
    }

    private void review(UUID id, CurrentUser officer, Map<String, ReviewInput> marks, Decision decision) {
        assessments.review(id, assessments.sheet(id, officer).revision(), marks, decision, null, officer);
    }
}
