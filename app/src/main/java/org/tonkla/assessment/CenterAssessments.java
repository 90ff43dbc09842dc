package org.tonkla.assessment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tonkla.assessment.AssessmentSheets.YearSummary;
import org.tonkla.assessment.Drafts.PlanInput;
import org.tonkla.assessment.Drafts.RatingInput;
import org.tonkla.assessment.Reviews.Decision;
import org.tonkla.assessment.Reviews.ReviewInput;
import org.tonkla.core.standard.CentreResult;
import org.tonkla.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The self-assessment cycle as the pages and other modules see it, one door to its use cases: the
 * center opens the year's assessment and rates each item with a note and evidence ({@link Drafts},
 * {@link Evidence}), the head submits ({@link Submissions}), the affiliated agency's officer reviews
 * item by item and accepts, or returns it with comments ({@link Reviews}); accepted results are locked.
 * The allowed status changes and their compare-and-set are {@link AssessmentCycle}'s; who may do what
 * is {@link AssessmentAccess}'s; reading a sheet is {@link AssessmentSheets}'.
 */
@Component
public class CenterAssessments {

    private final AssessmentAccess access;
    private final AssessmentSheets sheets;
    private final Drafts drafts;
    private final Evidence evidence;
    private final Submissions submissions;
    private final Reviews reviews;

    CenterAssessments(AssessmentAccess access, AssessmentSheets sheets, Drafts drafts, Evidence evidence,
            Submissions submissions, Reviews reviews) {
        this.access = access;
        this.sheets = sheets;
        this.drafts = drafts;
        this.evidence = evidence;
        this.submissions = submissions;
        this.reviews = reviews;
    }

    /** This year in the Buddhist era, in Thailand. */
    public int currentYearBe() {
        return sheets.currentYearBe();
    }

    public boolean mayView(CurrentUser user, UUID unitId) {
        return access.mayView(user, unitId);
    }

    /** The center's head or a caregiver placed at it. */
    public boolean mayEdit(CurrentUser user, UUID unitId) {
        return access.mayEdit(user, unitId);
    }

    /** Only the center's head submits and opens. */
    public boolean maySubmit(CurrentUser user, UUID unitId) {
        return access.maySubmit(user, unitId);
    }

    /** An officer with an area scope over the center, of its agency (or above) or of a coordinating agency. */
    public boolean mayReview(CurrentUser user, UUID unitId) {
        return access.mayReview(user, unitId);
    }

    /** @see AssessmentSheets#years */
    public List<YearSummary> years(UUID unitId, CurrentUser user) {
        return sheets.years(unitId, user);
    }

    /** @see AssessmentSheets#sheet(UUID, int, CurrentUser) */
    public Optional<AssessmentSheet> sheet(UUID unitId, int yearBe, CurrentUser user) {
        return sheets.sheet(unitId, yearBe, user);
    }

    /** @see AssessmentSheets#sheet(UUID, CurrentUser) */
    public AssessmentSheet sheet(UUID assessmentId, CurrentUser user) {
        return sheets.sheet(assessmentId, user);
    }

    /** @see Evidence#read */
    public FileContent evidence(UUID evidenceId, CurrentUser user) {
        return evidence.read(evidenceId, user);
    }

    /** @see Drafts#open */
    public UUID open(UUID unitId, int yearBe, CurrentUser user) {
        return drafts.open(unitId, yearBe, user);
    }

    /** Saves a draft whatever the revision now is; see {@link Drafts#saveDraft}. */
    public List<String> saveDraft(UUID assessmentId, Map<String, RatingInput> ratings, Map<String, PlanInput> plans,
            CurrentUser user) {
        return drafts.saveDraft(assessmentId, null, ratings, plans, user);
    }

    /** @see Drafts#saveDraft */
    public List<String> saveDraft(UUID assessmentId, int seenRevision, Map<String, RatingInput> ratings,
            Map<String, PlanInput> plans, CurrentUser user) {
        return drafts.saveDraft(assessmentId, seenRevision, ratings, plans, user);
    }

    /** @see Evidence#add */
    public UUID addEvidence(UUID assessmentId, Integer seenRevision, String itemKey, String fileName, byte[] bytes,
            CurrentUser user) {
        return evidence.add(assessmentId, seenRevision, itemKey, fileName, bytes, user);
    }

    /** @see Submissions#submit */
    public CentreResult submit(UUID assessmentId, int seenRevision, CurrentUser user) {
        return submissions.submit(assessmentId, seenRevision, user);
    }

    /** @see Drafts#markPlanDone */
    public void markPlanDone(UUID assessmentId, String itemKey, CurrentUser user) {
        drafts.markPlanDone(assessmentId, itemKey, user);
    }

    /** @see Reviews#review */
    public void review(UUID assessmentId, int seenRevision, Map<String, ReviewInput> marks, Decision decision, String comment,
            CurrentUser user) {
        reviews.review(assessmentId, seenRevision, marks, decision, comment, user);
    }
}
