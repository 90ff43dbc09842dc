package org.tonkla.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.CentreResult;
import org.tonkla.core.standard.IndicatorResult;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.core.standard.StandardResult;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.Conflict;

/**
 * The center head hands the assessment in ({@link AssessmentCycle.Step#SUBMIT}): every item the center
 * may change must be rated and every one below ดี needs a plan; the scores and the figures computed
 * from the records are stored with the submission, for review and monitoring.
 */
@Component
public class Submissions {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final AssessmentAccess access;
    private final AssessmentSheets sheets;
    private final AssessmentCycle cycle;

    Submissions(JdbcClient jdbc, Clock clock, AuditTrail audit, AssessmentAccess access, AssessmentSheets sheets,
            AssessmentCycle cycle) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.access = access;
        this.sheets = sheets;
        this.cycle = cycle;
    }

    /**
     * Submits the assessment for review.
     *
     * @param seenRevision the revision of the sheet the head submitted from
     * @throws AssessmentRefused {@code assessment.error.unrated} or {@code assessment.error.planMissing}
     *     naming the items, {@code assessment.error.notWithCenter} when it is not with the center
     * @throws Conflict when someone changed the assessment since {@code seenRevision}
     */
    @Transactional
    public CentreResult submit(UUID assessmentId, int seenRevision, CurrentUser user) {
        access.requireSubmit(user, access.unitOf(assessmentId));
        AssessmentCycle.Current current = cycle.lock(assessmentId, seenRevision);
        AssessmentCycle.require(AssessmentCycle.Step.SUBMIT, current.status(), "assessment.error.notWithCenter");
        snapshotComputed(sheets.load(assessmentId), user);
        AssessmentSheet sheet = sheets.load(assessmentId);
        List<String> unrated = new ArrayList<>();
        List<String> planMissing = new ArrayList<>();
        for (CatalogueItem item : sheet.applicableItems()) {
            // Only what the center can still change is demanded of it: the other items of a returned
            // assessment passed these checks when it was submitted and keep their levels (see AssessmentSheets).
            if (!sheet.itemEditable(item.key())) continue;
            ItemLevel level = sheet.effectiveLevel(item.key());
            if (level == null) unrated.add(item.key());
            else if (!level.atLeast(ItemLevel.GOOD) && !sheet.plans().containsKey(item.key())) planMissing.add(item.key());
        }
        if (!unrated.isEmpty()) throw new AssessmentRefused("assessment.error.unrated", unrated);
        if (!planMissing.isEmpty()) throw new AssessmentRefused("assessment.error.planMissing", planMissing);

        CentreResult result = sheet.result();
        storeIndicatorResults(sheet, result);
        // A resubmission goes back to the officer for the items they returned; accepted items stay accepted.
        jdbc.sql("UPDATE assessment_rating SET review = 'OPEN' WHERE assessment_id = ? AND review = 'RETURNED'")
                .param(assessmentId).update();
        int score = result.standards().stream().mapToInt(StandardResult::score).sum();
        int max = result.standards().stream().mapToInt(StandardResult::maxScore).sum();
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("submitted_by", user.username());
        columns.put("submitted_at", now());
        columns.put("level_s1", standardLevel(result, 1));
        columns.put("level_s2", standardLevel(result, 2));
        columns.put("level_s3", standardLevel(result, 3));
        columns.put("level_overall", result.level() == null ? null : result.level().score());
        columns.put("passed", result.passed());
        columns.put("zero_items", result.zeroItems().size());
        columns.put("score", score);
        columns.put("max_score", max);
        cycle.move(assessmentId, AssessmentCycle.Step.SUBMIT, current.status(), current.revision(), columns);
        cycle.record(assessmentId, sheet.provinceCode(), "SUBMITTED", user.username(), null);
        audit.record("SUBMIT", "center_assessment", assessmentId.toString(), "score " + score + "/" + max);
        return result;
    }

    private void storeIndicatorResults(AssessmentSheet sheet, CentreResult result) {
        jdbc.sql("DELETE FROM assessment_indicator_result WHERE assessment_id = ?").param(sheet.id()).update();
        for (StandardResult s : result.standards()) {
            for (IndicatorResult i : s.indicators()) {
                jdbc.sql("""
                        INSERT INTO assessment_indicator_result (assessment_id, indicator_key, province_code, standard_no, level, score, max_score)
                        VALUES (?,?,?,?,?,?,?)""")
                        .params(sheet.id(), i.indicator().key(), sheet.provinceCode(), s.standard().number(),
                                i.level() == null ? null : i.level().score(), i.score(), i.maxScore())
                        .update();
            }
        }
    }

    // The figures a submission was judged on stay with it, even when the records change later. A
    // resubmission takes today's figures only for the items the center worked on again (see AssessmentSheets).
    private void snapshotComputed(AssessmentSheet sheet, CurrentUser user) {
        for (CatalogueItem item : sheet.applicableItems()) {
            if (!sheet.itemEditable(item.key())) continue;
            ComputedItem c = sheet.computed().get(item.key());
            ItemLevel level = c == null ? null : c.level();
            jdbc.sql("""
                    INSERT INTO assessment_rating (assessment_id, item_key, province_code, indicator_key, standard_no,
                      computed_level, computed_detail, updated_by, updated_at)
                    VALUES (:a, :k, :p, :i, :s, :level, :detail, :by, :at)
                    ON CONFLICT (assessment_id, item_key) DO UPDATE SET computed_level = :level, computed_detail = :detail""")
                    .param("a", sheet.id()).param("k", item.key()).param("p", sheet.provinceCode())
                    .param("i", AssessmentRows.indicatorKey(item)).param("s", AssessmentRows.standardOf(item))
                    .param("level", level == null ? null : level.score()).param("detail", c == null ? null : c.encode())
                    .param("by", user.username()).param("at", now())
                    .update();
        }
    }

    private static Integer standardLevel(CentreResult result, int number) {
        return result.standards().stream().filter(s -> s.standard().number() == number).findFirst()
                .map(StandardResult::level).map(ItemLevel::score).orElse(null);
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }
}
