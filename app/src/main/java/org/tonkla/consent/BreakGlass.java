package org.tonkla.consent;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Role;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Refused;
import org.tonkla.platform.Validation;

/**
 * Emergency reads outside agreement or scope ("break-glass"): each is recorded with its reason and waits
 * on a review list for the opener's supervisors (provincial officers of the same agency) and administrators,
 * until one accepts it or escalates it. The read itself is in the child's access log, marked.
 */
@Component
public class BreakGlass {

    public enum Status { OPEN, ACCEPTED, ESCALATED }

    /** One emergency read as the reviewers see it (no child data beyond the id). */
    public record Opening(UUID id, UUID childId, String provinceCode, String username, String agencyCode, String reason,
            Instant openedAt, Status status, int revision, String reviewedBy, String reviewNote) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    BreakGlass(JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** Records an emergency read; the caller (the registry's kernel) has checked the role and logs the read. */
    public UUID record(UUID childId, String provinceCode, String reason, CurrentUser user) {
        // Ten letters or digits at least: dots, spaces, zero-width or combining marks alone say nothing.
        long meaningful = reason == null ? 0 : reason.codePoints().filter(Character::isLetterOrDigit)
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).count();
        new Validation().check(meaningful >= 10 && reason.strip().length() <= 500, "reason",
                "why the record must be opened now, 10 to 500 characters with at least 10 letters or digits").throwIfInvalid();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO break_glass (id, child_id, province_code, user_id, username, agency_code, reason, opened_at, status)
                VALUES (?,?,?,?,?,?,?,?,'OPEN')""")
                .params(id, childId, provinceCode, user.id(), user.username(), user.scope().agencyCode(), reason.strip(),
                        Timestamp.from(Instant.now(clock)))
                .update();
        audit.record("BREAK_GLASS", "child", childId.toString(), "opened in an emergency, review " + id);
        return id;
    }

    /** The openings a reviewer sees: all for administrators, their agency's for provincial officers. */
    public List<Opening> forReview(CurrentUser reviewer, boolean openOnly) {
        requireReviewer(reviewer);
        boolean all = reviewer.role() == Role.ADMINISTRATOR;
        return jdbc.sql("""
                SELECT id, child_id, province_code, username, agency_code, reason, opened_at, status, revision, reviewed_by,
                       review_note
                FROM break_glass
                WHERE (:all OR agency_code = :agency) AND (NOT :openOnly OR status = 'OPEN')
                ORDER BY opened_at DESC LIMIT 500""")
                .param("all", all).param("agency", reviewer.scope().agencyCode()).param("openOnly", openOnly)
                .query((rs, i) -> new Opening(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                        Status.valueOf(rs.getString(8)), rs.getInt(9), rs.getString(10), rs.getString(11)))
                .list();
    }

    /** How many openings wait for this reviewer (0 for users who review none). */
    public int waiting(CurrentUser user) {
        if (user.role() != Role.ADMINISTRATOR && user.role() != Role.PROVINCIAL_OFFICER) return 0;
        return jdbc.sql("SELECT count(*) FROM break_glass WHERE status = 'OPEN' AND (:all OR agency_code = :agency)")
                .param("all", user.role() == Role.ADMINISTRATOR).param("agency", user.scope().agencyCode())
                .query(Integer.class).single();
    }

    /**
     * Accepts or escalates an opening as seen at {@code revision}.
     *
     * @throws Conflict when someone reviewed it meanwhile
     */
    @Transactional
    public void review(UUID id, int revision, Status decision, String note, CurrentUser reviewer) {
        requireReviewer(reviewer);
        if (decision == null || decision == Status.OPEN) throw new InvalidInput("decision", "ACCEPTED or ESCALATED");
        new Validation().optionalText("note", note, Validation.MAX_NOTE).throwIfInvalid();
        record Opener(String agency, UUID user) {}
        Opener opener = jdbc.sql("SELECT agency_code, user_id FROM break_glass WHERE id = ?").param(id)
                .query((rs, i) -> new Opener(rs.getString(1), rs.getObject(2, UUID.class)))
                .optional().orElseThrow(() -> new NotFound("break-glass opening"));
        if (reviewer.id().equals(opener.user())) throw new Refused("Nobody reviews their own emergency opening");
        if (reviewer.role() != Role.ADMINISTRATOR && !java.util.Objects.equals(opener.agency(), reviewer.scope().agencyCode())) {
            throw new Refused("Only the opener's agency or an administrator reviews this");
        }
        int changed = jdbc.sql("""
                UPDATE break_glass SET status = ?, revision = revision + 1, reviewed_by = ?, reviewed_at = ?, review_note = ?
                WHERE id = ? AND status = 'OPEN' AND revision = ?""")
                .params(decision.name(), reviewer.username(), Timestamp.from(Instant.now(clock)),
                        note == null || note.isBlank() ? null : note.strip(), id, revision)
                .update();
        if (changed == 0) throw Conflict.changedMeanwhile("emergency opening");
        audit.record(decision.name(), "break_glass", id.toString(), note);
    }

    private static void requireReviewer(CurrentUser user) {
        if (user.role() != Role.ADMINISTRATOR && user.role() != Role.PROVINCIAL_OFFICER) {
            throw new Refused("Supervisors and administrators review emergency openings");
        }
    }
}
