package org.tonkla.registry;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.Refused;
import org.tonkla.platform.Validation;
import org.tonkla.registry.internal.ChildRows;

/**
 * A unit asks for a child registered elsewhere; the child's current unit (a recorder who may write to
 * the child) or its guardian decides. Approval moves the child as a transfer does: a center enrolment
 * ends where the child was, and the handover follows. The requester learns only the decision.
 */
@Component
public class JoinRequests {

    public enum Status { PENDING, APPROVED, DECLINED }

    /**
     * A request as the deciding side sees it.
     *
     * @param detailsMatch whether the requester gave the date of birth and sex on record
     */
    public record Incoming(UUID id, Child child, UUID requestingUnitId, EnrolmentKind kind, boolean detailsMatch,
            String requestedBy, Instant requestedAt, int revision) {}

    /**
     * A request as the requesting unit sees it: the name it typed itself (not the registry's record), and the
     * decision; nothing of the child as registered.
     */
    public record Outgoing(UUID id, UUID unitId, String typedName, Status status, Instant requestedAt, Instant decidedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChildAccess access;
    private final Transfers transfers;
    private final AuditTrail audit;

    JoinRequests(JdbcClient jdbc, Clock clock, ChildAccess access, Transfers transfers, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
        this.transfers = transfers;
        this.audit = audit;
    }

    /** Files a request (or returns the pending one of the same unit); the family's log shows who asked. */
    UUID request(Child child, UUID unitId, EnrolmentKind kind, String className, boolean detailsMatch, String typedName,
            CurrentUser by) {
        UUID id = UUID.randomUUID();
        int filed = jdbc.sql("""
                INSERT INTO join_request (id, child_id, unit_id, kind, class_name, details_match, status, requested_by,
                                          requested_at, province_code, requested_name)
                VALUES (?,?,?,?,?,?,'PENDING',?,?,?,?) ON CONFLICT (child_id, unit_id) WHERE status = 'PENDING' DO NOTHING""")
                .params(id, child.id().value(), unitId, kind.name(), ChildRows.emptyToNull(className), detailsMatch,
                        by.username(), Timestamp.from(Instant.now(clock)), child.provinceCode(), typedName)
                .update();
        UUID pending = jdbc.sql("SELECT id FROM join_request WHERE child_id = ? AND unit_id = ? AND status = 'PENDING'")
                .params(child.id().value(), unitId).query(UUID.class).single();
        // Once per request: asking again for the same child answers the pending request and logs nothing new.
        if (filed > 0) {
            access.logWrite(by, child.id(), child.provinceCode(), "join-request", "unit " + unitId + " asks to take the child");
        }
        return pending;
    }

    /** Pending requests for children the user may decide on: those at the user's unit, or the guardian's own. */
    @Transactional
    public List<Incoming> incoming(UUID unitId, CurrentUser user) {
        if (user.role() != Role.GUARDIAN) access.requireRecorderAt(user, unitId);
        var rows = jdbc.sql("SELECT " + ChildRows.COLUMNS + """
                , r.id AS request_id, r.unit_id AS requesting_unit, r.kind, r.details_match, r.requested_by,
                  r.requested_at, r.revision
                FROM join_request r JOIN child c ON c.id = r.child_id
                WHERE r.status = 'PENDING'
                  AND (CAST(:unit AS uuid) IS NULL OR EXISTS (SELECT 1 FROM enrolment e
                       WHERE e.child_id = r.child_id AND e.unit_id = CAST(:unit AS uuid) AND e.ended_on IS NULL))
                ORDER BY r.requested_at LIMIT 200""")
                .param("unit", user.role() == Role.GUARDIAN ? null : unitId)
                .query((rs, i) -> new Incoming(rs.getObject("request_id", UUID.class), ChildRows.child(rs, i),
                        rs.getObject("requesting_unit", UUID.class), EnrolmentKind.valueOf(rs.getString("kind")),
                        rs.getBoolean("details_match"), rs.getString("requested_by"),
                        rs.getTimestamp("requested_at").toInstant(), rs.getInt("revision")))
                .list().stream()
                .filter(r -> decides(user, r.child().id(), r.kind()))
                .toList();
        access.shown(user, rows.stream().map(Incoming::child).toList(), "join-request");
        return rows;
    }

    /** The requests a unit made, newest first. */
    public List<Outgoing> outgoing(UUID unitId, CurrentUser user) {
        access.requireRecorderAt(user, unitId);
        return jdbc.sql("""
                SELECT id, unit_id, requested_name, status, requested_at, decided_at FROM join_request WHERE unit_id = ?
                ORDER BY requested_at DESC LIMIT 200""")
                .param(unitId)
                .query(JoinRequests::outgoingRow)
                .list();
    }

    /** One request of the user's unit, as its requester sees it. */
    public Outgoing ownRequest(UUID requestId, CurrentUser user) {
        var request = jdbc.sql("SELECT id, unit_id, requested_name, status, requested_at, decided_at FROM join_request WHERE id = ?")
                .param(requestId).query(JoinRequests::outgoingRow).optional()
                .orElseThrow(() -> new Refused("Not a request of the user's unit"));
        if (!(user.scope().unit() instanceof OrgUnit.ServiceUnit own) || !own.id().equals(request.unitId())) {
            throw new Refused("Not a request of the user's unit");
        }
        access.requireRecorderAt(user, request.unitId());
        return request;
    }

    private static Outgoing outgoingRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Outgoing(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                Status.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(),
                rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant());
    }

    /**
     * Approves or declines a pending request, as seen at {@code revision}.
     *
     * @throws Conflict when someone decided it meanwhile, or the child cannot move (enrolled elsewhere)
     * @throws Refused unless the user is the child's guardian or may write to the child at its unit
     */
    @Transactional
    public void decide(UUID requestId, int revision, boolean approve, String note, CurrentUser user) {
        record Pending(ChildId child, UUID unit, EnrolmentKind kind, String className) {}
        var pending = jdbc.sql("SELECT child_id, unit_id, kind, class_name FROM join_request WHERE id = ?")
                .param(requestId)
                .query((rs, i) -> new Pending(new ChildId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
                        EnrolmentKind.valueOf(rs.getString(3)), rs.getString(4)))
                .optional().orElseThrow(() -> new Refused("Only the child's unit or guardian decides"));
        if (!decides(user, pending.child(), pending.kind())) throw new Refused("Only the child's unit or guardian decides");
        new Validation().optionalText("note", note, Validation.MAX_NOTE).throwIfInvalid();
        int changed = jdbc.sql("""
                UPDATE join_request SET status = ?, revision = revision + 1, decided_by = ?, decided_at = ?, decision_note = ?
                WHERE id = ? AND status = 'PENDING' AND revision = ?""")
                .params(approve ? "APPROVED" : "DECLINED", user.username(), Timestamp.from(Instant.now(clock)),
                        ChildRows.emptyToNull(note), requestId, revision)
                .update();
        if (changed == 0) throw Conflict.changedMeanwhile("join request");
        Child child = access.file(pending.child()).orElseThrow().child();
        if (approve) {
            LocalDate today = LocalDate.now(clock);
            UUID from = null;
            if (pending.kind() == EnrolmentKind.ENROLLED) {
                // Only the decider's own center lets the child go (the guardian any): should the child have been
                // enrolled elsewhere since the check above, that enrolment stays and the new one is refused (409).
                UUID decidersUnit = user.role() == Role.GUARDIAN ? null
                        : user.scope().unit() instanceof OrgUnit.ServiceUnit own ? own.id() : null;
                from = jdbc.sql("""
                        UPDATE enrolment SET ended_on = greatest(started_on, ?), end_reason = 'TRANSFER'
                        WHERE child_id = ? AND kind = 'ENROLLED' AND ended_on IS NULL
                          AND (CAST(? AS uuid) IS NULL OR unit_id = CAST(? AS uuid)) RETURNING unit_id""")
                        .params(Date.valueOf(today), child.id().value(), decidersUnit, decidersUnit)
                        .query(UUID.class).optional().orElse(null);
            }
            transfers.arrive(child, from, pending.unit(), pending.kind(), today, pending.className(), note, user.username(), true);
        }
        access.logWrite(user, child.id(), child.provinceCode(), "join-request", approve ? "approved" : "declined");
        audit.record(approve ? "APPROVE" : "DECLINE", "join_request", requestId.toString(), "unit " + pending.unit());
    }

    /**
     * Who decides: the child's guardian; or a recorder of the unit the child would leave. A request to enrol
     * at a center is decided by the center where the child is enrolled now (a health unit where the child is
     * only registered cannot give it away); a request to register, or for a child enrolled nowhere, by a
     * recorder of any unit where the child is now.
     */
    private boolean decides(CurrentUser user, ChildId child, EnrolmentKind kind) {
        if (user.role() == Role.GUARDIAN) return access.mayAccess(user, child);
        if (!user.role().recordsChildren() || !(user.scope().unit() instanceof OrgUnit.ServiceUnit own)) return false;
        if (!access.mayWrite(user, child)) return false;
        var enrolments = access.file(child).map(f -> f.enrolments()).orElse(List.of());
        LocalDate today = LocalDate.now(clock);
        var current = enrolments.stream().filter(e -> e.activeOn(today)).toList();
        boolean enrolledSomewhere = current.stream().anyMatch(e -> e.kind() == EnrolmentKind.ENROLLED);
        if (kind == EnrolmentKind.ENROLLED && enrolledSomewhere) {
            return current.stream().anyMatch(e -> e.kind() == EnrolmentKind.ENROLLED && e.unitId().equals(own.id()));
        }
        return current.stream().anyMatch(e -> e.unitId().equals(own.id()));
    }
}
