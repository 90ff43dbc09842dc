package org.tonkla.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.assessment.AssessmentSheet.ItemRating;
import org.tonkla.assessment.AssessmentSheet.ReviewMark;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.Conflict;

/**
 * The officer's review of a submitted assessment: a mark and comment per item, then returning items
 * to the center ({@link AssessmentCycle.Step#RETURN}) or accepting and locking the results
 * ({@link AssessmentCycle.Step#ACCEPT}). Two officers reviewing one sheet at once: the first change
 * wins, the other is answered {@link Conflict#changedMeanwhile} and nothing of it is written.
 */
@Component
public class Reviews {

    /** The officer's mark on one item. */
    public record ReviewInput(ReviewMark mark, String comment) {}

    /**
     * The officer's decision on the whole assessment. {@code ACCEPT} needs every item reviewed (marked
     * accepted); {@code ACCEPT_REMAINING} is the officer's explicit, confirmed choice to accept every item
     * still awaiting review as well, so a sheet is never locked by one unconsidered click.
     */
    public enum Decision { SAVE, RETURN, ACCEPT, ACCEPT_REMAINING }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final AssessmentAccess access;
    private final AssessmentSheets sheets;
    private final AssessmentCycle cycle;

    Reviews(JdbcClient jdbc, Clock clock, AuditTrail audit, AssessmentAccess access, AssessmentSheets sheets,
            AssessmentCycle cycle) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.access = access;
        this.sheets = sheets;
        this.cycle = cycle;
    }

    /**
     * Records the officer's marks and, with {@link Decision#RETURN} or {@link Decision#ACCEPT}, decides.
     * Returning needs at least one returned item, each with a comment; accepting needs none returned and
     * every item reviewed (or {@link Decision#ACCEPT_REMAINING}), marks every item accepted and locks the results. Saving marks alone also bumps the revision,
     * so a decision taken on the marks as they were before fails rather than overwrite them.
     *
     * @param seenRevision the revision of the sheet the officer reviewed
     * @throws AssessmentRefused when it is not submitted, or the marks do not allow the decision
     * @throws Conflict when someone changed the assessment since {@code seenRevision}
     */
    @Transactional
    public void review(UUID assessmentId, int seenRevision, Map<String, ReviewInput> marks, Decision decision,
            String comment, CurrentUser user) {
        access.requireReview(user, assessmentId);
        AssessmentCycle.Current current = cycle.lock(assessmentId, seenRevision);
        AssessmentCycle.require(AssessmentCycle.Step.ACCEPT, current.status(), "assessment.error.notSubmitted");
        AssessmentSheet sheet = sheets.load(assessmentId);
        Map<String, ReviewMark> after = new HashMap<>();
        Map<String, String> comments = new HashMap<>();
        for (CatalogueItem item : sheet.applicableItems()) {
            ReviewInput input = marks.get(item.key());
            ItemRating rating = sheet.ratings().get(item.key());
            after.put(item.key(), input != null && input.mark() != null ? input.mark() : sheet.review(item.key()));
            comments.put(item.key(), input != null ? AssessmentRows.blankToNull(input.comment())
                    : rating == null ? null : rating.reviewComment());
        }
        List<String> returned = AssessmentRows.inCatalogueOrder(sheet, after.entrySet().stream()
                .filter(e -> e.getValue() == ReviewMark.RETURNED).map(Map.Entry::getKey).toList());
        List<String> returnedWithoutComment = returned.stream().filter(k -> comments.get(k) == null).toList();
        if (decision == Decision.RETURN && returned.isEmpty()) throw new AssessmentRefused("assessment.error.nothingReturned");
        if (decision != Decision.ACCEPT && !returnedWithoutComment.isEmpty()) {
            throw new AssessmentRefused("assessment.error.commentMissing", returnedWithoutComment);
        }
        boolean accepting = decision == Decision.ACCEPT || decision == Decision.ACCEPT_REMAINING;
        if (accepting && !returned.isEmpty()) throw new AssessmentRefused("assessment.error.stillReturned", returned);
        List<String> unreviewed = AssessmentRows.inCatalogueOrder(sheet, after.entrySet().stream()
                .filter(e -> e.getValue() == ReviewMark.OPEN).map(Map.Entry::getKey).toList());
        if (decision == Decision.ACCEPT && !unreviewed.isEmpty()) {
            throw new AssessmentRefused("assessment.error.notAllReviewed", unreviewed);
        }
        for (CatalogueItem item : sheet.applicableItems()) {
            ReviewMark mark = accepting ? ReviewMark.ACCEPTED : after.get(item.key());
            mark(sheet, item, mark, comments.get(item.key()), user);
        }
        switch (decision) {
            case SAVE -> {
                cycle.touch(assessmentId, current.status(), current.revision());
                return;
            }
            case RETURN -> decide(sheet, current, AssessmentCycle.Step.RETURN, comment, user);
            case ACCEPT, ACCEPT_REMAINING -> decide(sheet, current, AssessmentCycle.Step.ACCEPT, comment, user);
        }
        audit.record(accepting ? "ACCEPT" : decision.name(), "center_assessment", assessmentId.toString(),
                decision == Decision.RETURN ? "returned items " + returned
                        : unreviewed.isEmpty() ? "accepted and locked"
                        : "accepted and locked, with the items not reviewed one by one " + unreviewed);
    }

    private void decide(AssessmentSheet sheet, AssessmentCycle.Current current, AssessmentCycle.Step step, String comment,
            CurrentUser user) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("reviewed_by", user.username());
        columns.put("reviewed_at", now());
        cycle.move(sheet.id(), step, current.status(), current.revision(), columns);
        cycle.record(sheet.id(), sheet.provinceCode(), step.to().name(), user.username(), AssessmentRows.blankToNull(comment));
    }

    private void mark(AssessmentSheet sheet, CatalogueItem item, ReviewMark mark, String comment, CurrentUser user) {
        jdbc.sql("""
                INSERT INTO assessment_rating (assessment_id, item_key, province_code, indicator_key, standard_no, review,
                  review_comment, updated_by, updated_at)
                VALUES (:a, :k, :p, :i, :s, :review, :comment, :by, :at)
                ON CONFLICT (assessment_id, item_key) DO UPDATE SET review = :review, review_comment = :comment""")
                .param("a", sheet.id()).param("k", item.key()).param("p", sheet.provinceCode())
                .param("i", AssessmentRows.indicatorKey(item)).param("s", AssessmentRows.standardOf(item))
                .param("review", mark.name()).param("comment", comment).param("by", user.username()).param("at", now())
                .update();
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }
}
