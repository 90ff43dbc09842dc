package org.tonkla.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.consent.AccessLog;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Role;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Refused;
import org.tonkla.platform.Validation;
import org.tonkla.registry.internal.ChildFiles.FileRow;

/**
 * Correction requests (PDPA s.35): the guardian names a fact of the child's record and what is wrong; the
 * request goes to the unit that recorded the fact (the record's unit, else the unit the child is enrolled
 * at), whose recorders correct the record through the usual corrections and resolve the request, or
 * reject it with a reason. The guardian sees the status. Nobody else sees a request.
 */
@Component
public class CorrectionRequests {

    static final String PURPOSE = "correction-request";

    private final JdbcClient jdbc;
    private final ChildAccess access;
    private final AccessLog log;
    private final List<RecordedFacts> facts;
    private final Clock clock;

    CorrectionRequests(JdbcClient jdbc, ChildAccess access, AccessLog log, List<RecordedFacts> facts, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.log = log;
        this.facts = facts;
        this.clock = clock;
    }

    /**
     * Files the guardian's request and routes it.
     *
     * @throws Refused unless the user is a guardian of the child
     * @throws InvalidInput naming {@code kind}, {@code factId} or {@code description}
     */
    @Transactional
    public UUID request(ChildId child, CurrentUser user, CorrectionRequest.Kind kind, UUID factId, String field,
            String description) {
        if (user.role() != Role.GUARDIAN) throw new Refused("Only the child's family asks for a correction here");
        FileRow row = access.file(child).orElseThrow(() -> new Refused("Child outside the user's scope"));
        if (!access.permits(user, row)) throw new Refused("Child outside the user's scope");
        new Validation().check(kind != null, "kind", "one of " + List.of(CorrectionRequest.Kind.values()))
                .requiredText("description", description, Validation.MAX_NOTE)
                .optionalText("field", field, Validation.MAX_TEXT).throwIfInvalid();
        UUID unit = unitOf(row, kind, factId).orElseThrow(() -> new InvalidInput("factId",
                "the id of a " + kind.name().toLowerCase() + " of this child's record (none was found)"));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO correction_request (id, child_id, province_code, unit_id, fact_kind, fact_id, field, description,
                                                requested_by, requested_at, status)
                VALUES (?,?,?,?,?,?,?,?,?,?,'OPEN')""")
                .params(id, child.value(), row.child().provinceCode(), unit, kind.name(), factId,
                        field == null || field.isBlank() ? null : field.strip(), description.strip(), user.id(),
                        Timestamp.from(Instant.now(clock)))
                .update();
        access.logWrite(user, child, row.child().provinceCode(), PURPOSE, "requested: " + kind + " " + id);
        return id;
    }

    /** The child's requests with their status, newest first, for the child's guardian. */
    public List<CorrectionRequest> ofChild(ChildId child, CurrentUser user) {
        FileRow row = access.file(child).orElseThrow(() -> new Refused("Child outside the user's scope"));
        if (user.role() != Role.GUARDIAN || !access.permits(user, row)) throw new Refused("Child outside the user's scope");
        return select("r.child_id = ?", child.value());
    }

    /**
     * The requests routed to a unit, open ones first, for its recorders; each child listed is logged as shown.
     *
     * @throws Refused unless the user records children at (or above) the unit
     */
    @Transactional
    public List<CorrectionRequest> ofUnit(UUID unitId, CurrentUser user) {
        access.requireRecorderAt(user, unitId);
        List<CorrectionRequest> list = select("r.unit_id = ?", unitId).stream()
                .sorted(Comparator.comparing((CorrectionRequest r) -> r.status() != CorrectionRequest.Status.OPEN))
                .toList();
        List<UUID> children = list.stream().map(r -> r.childId().value()).distinct().toList();
        if (!children.isEmpty()) {
            List<String> provinces = children.stream().map(c -> jdbc.sql("SELECT province_code FROM child WHERE id = ?")
                    .param(c).query(String.class).single()).toList();
            log.recordAll(user, children, provinces, AccessLog.Action.READ, PURPOSE);
        }
        return list;
    }

    /**
     * Resolves an open request of the unit: corrected (the record was corrected) or rejected with a reason.
     * Compare-and-set on the status and revision.
     *
     * @throws Refused unless the user records children at the unit
     * @throws NotFound when the unit has no such request
     * @throws Conflict when it was resolved meanwhile
     */
    @Transactional
    public void resolve(UUID unitId, UUID requestId, CurrentUser user, boolean corrected, String resolution,
            int revision) {
        access.requireRecorderAt(user, unitId);
        var target = jdbc.sql("SELECT unit_id, child_id, province_code FROM correction_request WHERE id = ? AND unit_id = ?")
                .params(requestId, unitId).query((rs, i) -> new Object[] {rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getString(3)}).optional()
                .orElseThrow(() -> new NotFound("correction request"));
        new Validation().check(corrected || (resolution != null && !resolution.isBlank()), "resolution",
                        "the reason the record is right as it is").optionalText("resolution", resolution, Validation.MAX_NOTE)
                .throwIfInvalid();
        String status = corrected ? "CORRECTED" : "REJECTED";
        int changed = jdbc.sql("""
                UPDATE correction_request SET status = ?, resolution = ?, resolved_by = ?, resolved_at = ?,
                       revision = revision + 1
                WHERE id = ? AND status = 'OPEN' AND revision = ?""")
                .params(status, resolution == null || resolution.isBlank() ? null : resolution.strip(),
                        user.displayName().isBlank() ? user.username() : user.displayName(),
                        Timestamp.from(Instant.now(clock)), requestId, revision)
                .update();
        if (changed == 0) throw Conflict.changedMeanwhile("correction request");
        access.logWrite(user, new ChildId((UUID) target[1]), (String) target[2], PURPOSE,
                status.toLowerCase() + ": " + requestId);
    }

    /** The unit a fact was recorded by: the record's own unit, else the unit the child is enrolled at now. */
    private Optional<UUID> unitOf(FileRow row, CorrectionRequest.Kind kind, UUID factId) {
        ChildId child = row.child().id();
        if (kind == null) return Optional.empty();
        if (kind.inRecordBook()) {
            if (factId == null || facts.stream().noneMatch(f -> f.exists(child, kind, factId))) return Optional.empty();
            Optional<UUID> unit = facts.stream().map(f -> f.recordingUnit(child, kind, factId)).flatMap(Optional::stream)
                    .findFirst();
            return unit.isPresent() ? unit : currentUnit(row);
        }
        return switch (kind) {
            // Without an id (the family page shows none for these), the unit the child attends now answers.
            case ENROLMENT -> factId == null ? currentUnit(row)
                    : row.enrolments().stream().filter(e -> e.id().equals(factId)).map(Enrolment::unitId).findFirst();
            case GUARDIAN -> factId == null || row.guardians().stream().anyMatch(g -> g.id().equals(factId))
                    ? currentUnit(row) : Optional.empty();
            default -> currentUnit(row);
        };
    }

    /** A center, kindergarten or school the child attends now before a health unit it is registered with. */
    private Optional<UUID> currentUnit(FileRow row) {
        LocalDate today = LocalDate.now(clock);
        return row.enrolments().stream().filter(e -> e.activeOn(today))
                .sorted(Comparator.comparing((Enrolment e) -> e.kind() != EnrolmentKind.ENROLLED)
                        .thenComparing(Enrolment::startedOn))
                .map(Enrolment::unitId).findFirst();
    }

    private List<CorrectionRequest> select(String where, UUID value) {
        return jdbc.sql("""
                SELECT r.id, r.child_id, c.given_name_th || ' ' || c.family_name_th AS child_name, r.unit_id, r.fact_kind,
                       r.fact_id, r.field, r.description, r.status, r.resolution, r.resolved_by, r.requested_at,
                       r.resolved_at, r.revision
                FROM correction_request r JOIN child c ON c.id = r.child_id
                WHERE """ + " " + where + " ORDER BY r.requested_at DESC LIMIT 500")
                .param(value)
                .query((rs, i) -> new CorrectionRequest(rs.getObject(1, UUID.class), new ChildId(rs.getObject(2, UUID.class)),
                        rs.getString(3), rs.getObject(4, UUID.class), CorrectionRequest.Kind.valueOf(rs.getString(5)),
                        rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8),
                        CorrectionRequest.Status.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11),
                        rs.getTimestamp(12).toInstant(),
                        rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(), rs.getInt(14)))
                .list();
    }
}
