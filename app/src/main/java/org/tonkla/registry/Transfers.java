package org.tonkla.registry;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.Validation;
import org.tonkla.registry.internal.ChildRows;

/**
 * Moving a child from one unit to the next: the enrolment here ends, one there starts, and the
 * receiving unit gets the handover summary, which the record book writes when it hears of the move.
 */
@Component
public class Transfers {

    private final JdbcClient jdbc;
    private final ChildAccess access;
    private final Directory directory;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    Transfers(JdbcClient jdbc, ChildAccess access, Directory directory, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Moves a child from the user's unit {@code fromUnit} to {@code toUnit}.
     *
     * @throws InvalidInput naming {@code toUnitId}, {@code fromUnitId}, {@code transferredOn}, {@code note}
     * @throws org.tonkla.platform.Refused unless the user records children at {@code fromUnit} and may write to the child
     */
    @Transactional
    public Transfer transfer(ChildId child, UUID fromUnit, UUID toUnit, LocalDate on, String className, String note,
            CurrentUser user) {
        access.requireRecorderAt(user, fromUnit);
        Child c = access.requireWrite(child, user);
        new Validation()
                .check(toUnit != null && !toUnit.equals(fromUnit)
                        && directory.serviceUnit(toUnit).filter(u -> u.acceptsNewRecords()).isPresent(), "toUnitId",
                        "another service unit that is open")
                .date("transferredOn", on, c.dateOfBirth(), null)
                .optionalText("className", className, 100)
                .optionalText("note", note, Validation.MAX_NOTE)
                .throwIfInvalid();
        int ended = jdbc.sql("""
                UPDATE enrolment SET ended_on = greatest(started_on, ?), end_reason = 'TRANSFER'
                WHERE child_id = ? AND unit_id = ? AND ended_on IS NULL AND kind = 'ENROLLED'""")
                .params(Date.valueOf(on), child.value(), fromUnit).update();
        if (ended == 0) throw new InvalidInput("fromUnitId", "a unit where the child is enrolled now");
        var transfer = arrive(c, fromUnit, toUnit, EnrolmentKind.ENROLLED, on, className, note, user.username(), false);
        access.logWrite(user, child, c.provinceCode(), "transfer", "to unit " + toUnit);
        return transfer;
    }

    /**
     * Starts the enrolment at {@code toUnit} and records the move with its (pending) handover. Used by
     * {@link #transfer} and by approved join requests; the caller has ended the previous enrolment.
     *
     * @param acknowledged whether the receiving unit has asked for the child already (a join request it made),
     *     so the move needs no acknowledgement; otherwise it awaits one and the sender may undo it until then
     */
    Transfer arrive(Child child, UUID fromUnit, UUID toUnit, EnrolmentKind kind, LocalDate on, String className,
            String note, String by, boolean acknowledged) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO enrolment (id, child_id, unit_id, kind, class_name, started_on, province_code, created_by)
                    VALUES (?,?,?,?,?,?,?,?)""")
                    .params(UUID.randomUUID(), child.id().value(), toUnit, kind.name(), ChildRows.emptyToNull(className),
                            Date.valueOf(on), child.provinceCode(), by)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new Conflict("registry.error.enrolledElsewhere",
                    "The child is already enrolled at a center or at this unit; the other enrolment must end first");
        }
        if (fromUnit != null) {
            jdbc.sql("""
                    INSERT INTO transfer (id, child_id, from_unit_id, to_unit_id, transferred_on, handover, note,
                                          province_code, created_by, acknowledged_at, acknowledged_by)
                    VALUES (?,?,?,?,?,NULL,?,?,?,CASE WHEN ? THEN now() END,CASE WHEN ? THEN ? END)""")
                    .params(id, child.id().value(), fromUnit, toUnit, Date.valueOf(on), ChildRows.emptyToNull(note),
                            child.provinceCode(), by, acknowledged, acknowledged, by)
                    .update();
            events.publishEvent(new ChildTransferred(id, child.id(), child.dateOfBirth(), fromUnit, toUnit, on));
            audit.record("TRANSFER", "child", child.id().toString(), fromUnit + " → " + toUnit);
        }
        return new Transfer(id, child.id(), fromUnit, toUnit, on, List.of(), note);
    }

    /** A child that arrived by transfer, with the transfer and its handover; {@code awaiting} until acknowledged. */
    public record Arrival(Transfer transfer, Child child, boolean awaiting) {}

    /** Keeps the handover summary the record book wrote for a transfer (lines in Thai). */
    @Transactional
    public void attachHandover(UUID transferId, List<String> lines) {
        jdbc.sql("UPDATE transfer SET handover = ? WHERE id = ? AND handover IS NULL")
                .params(String.join("\n", lines), transferId).update();
    }

    /**
     * Children who arrived at {@code unitId} by transfer and are still enrolled there, newest first,
     * with their handover; each is logged as shown for {@code arrivals}.
     */
    @Transactional
    public List<Arrival> arrivals(UUID unitId, CurrentUser user) {
        access.requireUnitList(user, unitId);
        var rows = jdbc.sql("SELECT " + ChildRows.COLUMNS + """
                , t.id AS transfer_id, t.from_unit_id, t.to_unit_id, t.transferred_on, t.handover, t.note,
                  t.acknowledged_at IS NULL AS awaiting
                FROM transfer t JOIN child c ON c.id = t.child_id
                WHERE t.to_unit_id = ? AND EXISTS (SELECT 1 FROM enrolment e
                      WHERE e.child_id = t.child_id AND e.unit_id = t.to_unit_id AND e.ended_on IS NULL)
                ORDER BY t.acknowledged_at IS NULL DESC, t.transferred_on DESC, t.created_at DESC LIMIT 200""")
                .param(unitId)
                .query((rs, i) -> {
                    Child child = ChildRows.child(rs, i);
                    String handover = rs.getString("handover");
                    return new Arrival(new Transfer(rs.getObject("transfer_id", UUID.class), child.id(),
                            rs.getObject("from_unit_id", UUID.class), rs.getObject("to_unit_id", UUID.class),
                            rs.getDate("transferred_on").toLocalDate(),
                            // null while the record book is still writing it (it does so after the move commits)
                            handover == null ? null : handover.isEmpty() ? List.of() : List.of(handover.split("\n")),
                            rs.getString("note")), child, rs.getBoolean("awaiting"));
                })
                .list();
        access.shown(user, rows.stream().map(Arrival::child).toList(), "arrivals");
        return rows;
    }
}
