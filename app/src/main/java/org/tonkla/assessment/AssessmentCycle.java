package org.tonkla.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.platform.Conflict;

/**
 * The assessment's state machine, in one place: which status changes exist ({@link Step}), and the
 * compare-and-set that makes each one. Every change of {@code center_assessment.status} goes through
 * {@link #move}: {@code UPDATE … WHERE id = ? AND status = ? AND revision = ?}, bumping the revision,
 * so a change made from a stale page matches no row and answers {@link Conflict#changedMeanwhile}
 * instead of silently overwriting what someone else decided. Accepted assessments are also locked by
 * a database trigger (V20), whatever the application does.
 *
 * <pre>
 *   (open) → DRAFT ─submit→ SUBMITTED ─accept→ ACCEPTED (locked)
 *                RETURNED ─submit↗   └─return→ RETURNED
 * </pre>
 */
@Component
public class AssessmentCycle {

    /** The allowed status changes: from which statuses, to which. */
    public enum Step {
        SUBMIT(EnumSet.of(AssessmentStatus.DRAFT, AssessmentStatus.RETURNED), AssessmentStatus.SUBMITTED),
        RETURN(EnumSet.of(AssessmentStatus.SUBMITTED), AssessmentStatus.RETURNED),
        ACCEPT(EnumSet.of(AssessmentStatus.SUBMITTED), AssessmentStatus.ACCEPTED);

        private final Set<AssessmentStatus> from;
        private final AssessmentStatus to;

        Step(Set<AssessmentStatus> from, AssessmentStatus to) {
            this.from = from;
            this.to = to;
        }

        public Set<AssessmentStatus> from() {
            return from;
        }

        public AssessmentStatus to() {
            return to;
        }

        /** Whether this step may be taken from {@code status}. */
        public boolean allowedFrom(AssessmentStatus status) {
            return from.contains(status);
        }
    }

    /** Whether the cycle has a step from {@code from} to {@code to}. */
    public static boolean allows(AssessmentStatus from, AssessmentStatus to) {
        for (Step step : Step.values()) if (step.to() == to && step.allowedFrom(from)) return true;
        return false;
    }

    /** Whether the center may still change the assessment: it can be submitted from here. */
    public static boolean withCenter(AssessmentStatus status) {
        return Step.SUBMIT.allowedFrom(status);
    }

    /** Whether the officer may review it: it can be returned or accepted from here. */
    public static boolean withOfficer(AssessmentStatus status) {
        return Step.RETURN.allowedFrom(status) && Step.ACCEPT.allowedFrom(status);
    }

    /** The row as it stands, locked for the rest of the transaction. */
    record Current(AssessmentStatus status, int revision) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    AssessmentCycle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Locks the assessment row until the transaction ends, so that two changes to one assessment
     * happen one after the other, and returns its status and revision.
     *
     * @param seenRevision the revision the user's page showed, or {@code null} to take the current one
     * @throws Conflict {@link Conflict#changedMeanwhile} when the revision is no longer {@code seenRevision}
     */
    Current lock(UUID assessmentId, Integer seenRevision) {
        Current current = jdbc.sql("SELECT status, revision FROM center_assessment WHERE id = ? FOR UPDATE")
                .param(assessmentId)
                .query((rs, i) -> new Current(AssessmentStatus.valueOf(rs.getString(1)), rs.getInt(2)))
                .optional().orElseThrow(() -> new org.tonkla.platform.NotFound("assessment"));
        if (seenRevision != null && seenRevision != current.revision()) throw Conflict.changedMeanwhile("assessment");
        return current;
    }

    /**
     * Refuses unless {@code step} may be taken from {@code status}.
     *
     * @throws AssessmentRefused with {@code refusalKey}, naming the present status
     */
    static void require(Step step, AssessmentStatus status, String refusalKey) {
        if (!step.allowedFrom(status)) throw new AssessmentRefused(refusalKey, List.of(status.name()));
    }

    /**
     * Takes {@code step} by compare-and-set, also setting {@code columns} (names are this module's
     * own constants, values bound), and bumps the revision.
     *
     * @return the new revision
     * @throws Conflict when the row is no longer at {@code from} and {@code revision}
     */
    int move(UUID assessmentId, Step step, AssessmentStatus from, int revision, Map<String, Object> columns) {
        if (!step.allowedFrom(from)) throw new IllegalStateException(step + " from " + from); // require() comes first
        StringBuilder set = new StringBuilder("status = :to, revision = revision + 1");
        columns.keySet().forEach(c -> set.append(", ").append(c).append(" = :").append(c));
        var sql = jdbc.sql("UPDATE center_assessment SET " + set
                        + " WHERE id = :id AND status = :from AND revision = :revision")
                .param("to", step.to().name()).param("id", assessmentId).param("from", from.name())
                .param("revision", revision);
        for (var c : columns.entrySet()) sql = sql.param(c.getKey(), c.getValue());
        if (sql.update() != 1) throw Conflict.changedMeanwhile("assessment");
        return revision + 1;
    }

    /**
     * Bumps the revision of an assessment whose status stays (the officer saved marks without
     * deciding), by the same compare-and-set, so a decision taken on the marks seen before fails.
     */
    int touch(UUID assessmentId, AssessmentStatus status, int revision) {
        int n = jdbc.sql("""
                UPDATE center_assessment SET revision = revision + 1 WHERE id = ? AND status = ? AND revision = ?""")
                .params(assessmentId, status.name(), revision).update();
        if (n != 1) throw Conflict.changedMeanwhile("assessment");
        return revision + 1;
    }

    /** Adds a step to the assessment's history (opened, submitted, returned, accepted). */
    void record(UUID assessmentId, String province, String action, String actor, String comment) {
        jdbc.sql("""
                INSERT INTO assessment_event (id, assessment_id, province_code, action, actor, occurred_at, comment)
                VALUES (?,?,?,?,?,?,?)""")
                .params(UUID.randomUUID(), assessmentId, province, action, actor, Timestamp.from(Instant.now(clock)), comment)
                .update();
    }
}
