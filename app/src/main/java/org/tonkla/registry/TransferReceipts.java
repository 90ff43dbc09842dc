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
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.ThaiDates;
import org.tonkla.registry.internal.ChildRows;

/**
 * What happens after a transfer is sent (issue 10 §3): the receiving unit acknowledges that the child has
 * arrived, and until then the sending unit may undo the transfer, for a wrong school chosen in a hurry. Both
 * settle the transfer once (a compare-and-set on the pending row; the schema allows only one of the two). While
 * it is pending the sender still reads the child's record ({@link ChildAccess}) but writes no more.
 */
@Component
public class TransferReceipts {

    /** A transfer sent from a unit that the receiving unit has not acknowledged yet. */
    public record Outgoing(UUID transferId, Child child, UUID toUnitId, LocalDate transferredOn) {}

    private record Pending(UUID childId, UUID fromUnit, UUID toUnit, LocalDate on, String province) {}

    private final JdbcClient jdbc;
    private final ChildAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    TransferReceipts(JdbcClient jdbc, ChildAccess access, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The receiving unit confirms the child has arrived: the sender can no longer undo, and reads no more.
     *
     * @throws NotFound when there is no such transfer
     * @throws org.tonkla.platform.Refused unless the user records children at the receiving unit
     * @throws Conflict {@code registry.error.transferSettled} when it was acknowledged or undone already
     */
    @Transactional
    public void acknowledge(UUID transferId, CurrentUser user) {
        Pending t = load(transferId, user);
        access.requireRecorderAt(user, t.toUnit());
        int n = jdbc.sql("""
                UPDATE transfer SET acknowledged_at = ?, acknowledged_by = ?
                WHERE id = ? AND acknowledged_at IS NULL AND undone_at IS NULL""")
                .params(now(), user.username(), transferId).update();
        if (n != 1) throw settled();
        access.logWrite(user, new ChildId(t.childId()), t.province(), "transfer", "acknowledged arrival " + transferId);
        audit.record("ACKNOWLEDGE", "transfer", transferId.toString(), "arrival acknowledged");
    }

    /**
     * The sending unit takes the transfer back before it is acknowledged: the enrolment at the receiving
     * unit ends (on the day it started if that is today, so it was never in effect) and the one at the
     * sending unit continues as if never ended.
     *
     * @throws NotFound when there is no such transfer
     * @throws org.tonkla.platform.Refused unless the user records children at the sending unit
     * @throws Conflict {@code registry.error.transferSettled} when it was acknowledged or undone already
     */
    @Transactional
    public void undo(UUID transferId, CurrentUser user) {
        Pending t = load(transferId, user);
        access.requireRecorderAt(user, t.fromUnit());
        int n = jdbc.sql("""
                UPDATE transfer SET undone_at = ?, undone_by = ?
                WHERE id = ? AND acknowledged_at IS NULL AND undone_at IS NULL""")
                .params(now(), user.username(), transferId).update();
        if (n != 1) throw settled();
        LocalDate today = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
        jdbc.sql("""
                UPDATE enrolment SET ended_on = greatest(started_on, ?), end_reason = 'TRANSFER_UNDONE'
                WHERE child_id = ? AND unit_id = ? AND ended_on IS NULL""")
                .params(Date.valueOf(today), t.childId(), t.toUnit()).update();
        int reopened = jdbc.sql("""
                UPDATE enrolment SET ended_on = NULL, end_reason = NULL
                WHERE id = (SELECT id FROM enrolment WHERE child_id = ? AND unit_id = ? AND end_reason = 'TRANSFER'
                            ORDER BY ended_on DESC, created_at DESC LIMIT 1)""")
                .params(t.childId(), t.fromUnit()).update();
        if (reopened != 1) throw settled();
        access.logWrite(user, new ChildId(t.childId()), t.province(), "transfer", "undid transfer " + transferId);
        audit.record("UNDO", "transfer", transferId.toString(), "transfer undone; the child stays at the sending unit");
    }

    /** Transfers sent from {@code unitId} awaiting acknowledgement, newest first; each child logged as shown. */
    @Transactional
    public List<Outgoing> outgoing(UUID unitId, CurrentUser user) {
        access.requireUnitList(user, unitId);
        var rows = jdbc.sql("SELECT " + ChildRows.COLUMNS + """
                , t.id AS transfer_id, t.to_unit_id, t.transferred_on
                FROM transfer t JOIN child c ON c.id = t.child_id
                WHERE t.from_unit_id = ? AND t.acknowledged_at IS NULL AND t.undone_at IS NULL
                ORDER BY t.created_at DESC LIMIT 200""")
                .param(unitId)
                .query((rs, i) -> new Outgoing(rs.getObject("transfer_id", UUID.class), ChildRows.child(rs, i),
                        rs.getObject("to_unit_id", UUID.class), rs.getDate("transferred_on").toLocalDate()))
                .list();
        access.shown(user, rows.stream().map(Outgoing::child).toList(), "transfers");
        return rows;
    }

    /** How many children arrived at {@code unitId} and await its acknowledgement (no names: a count for a home page). */
    public int awaitingAcknowledgement(UUID unitId, CurrentUser user) {
        access.requireUnitList(user, unitId);
        return jdbc.sql("SELECT count(*) FROM transfer WHERE to_unit_id = ? AND acknowledged_at IS NULL AND undone_at IS NULL")
                .param(unitId).query(Integer.class).single();
    }

    private Pending load(UUID transferId, CurrentUser user) {
        // Roles that record no child are refused before learning whether the transfer exists.
        if (!user.role().recordsChildren()) throw new org.tonkla.platform.Refused("This role reads children's records only");
        return jdbc.sql("SELECT child_id, from_unit_id, to_unit_id, transferred_on, province_code FROM transfer WHERE id = ?")
                .param(transferId)
                .query((rs, i) -> new Pending(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getDate(4).toLocalDate(), rs.getString(5)))
                .optional().orElseThrow(() -> new NotFound("transfer"));
    }

    private static Conflict settled() {
        return new Conflict("registry.error.transferSettled",
                "The transfer was acknowledged by the receiving unit or undone already");
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }
}
