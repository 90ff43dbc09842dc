package org.tonkla.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.NotFound;

/**
 * Who owns a unit from which date, e.g. a รพ.สต. transferred from MOPH to a provincial administrative
 * organization (อบจ.). From that date the unit's owner is the new agency: the scope check's agency
 * lineage, the directory's answers and the published view {@code directory_unit_place} all follow it.
 * Before it, the old owner stays. The history keeps every change with who recorded it.
 */
@Component
public class UnitOwners {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditTrail audit;
    private final Clock clock;

    UnitOwners(JdbcClient jdbc, Directory directory, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records that {@code agencyCode} owns the unit from {@code since} (past, today or future); a second
     * change on the same day replaces the first. Nothing changes when the unit already has that owner then.
     *
     * @throws NotFound if there is no such unit
     * @throws InvalidInput if the agency is unknown or the date is missing or before 1990
     */
    @Transactional
    public void change(UUID unitId, String agencyCode, LocalDate since, String by, UUID importId) {
        directory.serviceUnit(unitId).orElseThrow(() -> new NotFound("service unit"));
        if (agencyCode == null || directory.agency(agencyCode).isEmpty()) {
            throw new InvalidInput("agencyCode", "the code of an agency in the directory");
        }
        if (since == null || since.isBefore(LocalDate.of(1990, 1, 1))) {
            throw new InvalidInput("since", "the date the new owner takes over, 1990 or later");
        }
        String before = ownerOn(unitId, since);
        if (agencyCode.equals(before)) return;
        jdbc.sql("""
                INSERT INTO service_unit_owner (unit_id, since, agency_code, recorded_by) VALUES (?,?,?,?)
                ON CONFLICT (unit_id, since) DO UPDATE SET agency_code = excluded.agency_code,
                   recorded_by = excluded.recorded_by, recorded_at = now()""")
                .params(unitId, since, agencyCode, by).update();
        jdbc.sql("""
                INSERT INTO service_unit_change (id, unit_id, kind, old_value, new_value, effective_on, import_id, changed_by)
                VALUES (?, ?, 'OWNER', ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), unitId, before, agencyCode, since, importId, by).update();
        applyDue();
        audit.record("OWNER", "service_unit", unitId.toString(), before + " -> " + agencyCode + " from " + since);
    }

    /** The owner on a day: the last change on or before it, else the owner before any recorded change. */
    public String ownerOn(UUID unitId, LocalDate day) {
        return jdbc.sql("""
                SELECT coalesce(
                  (SELECT agency_code FROM service_unit_owner WHERE unit_id = :id AND since <= :day ORDER BY since DESC LIMIT 1),
                  (SELECT old_value FROM service_unit_change WHERE unit_id = :id AND kind = 'OWNER'
                    ORDER BY effective_on, changed_at LIMIT 1),
                  (SELECT agency_code FROM service_unit WHERE id = :id))""")
                .param("id", unitId).param("day", day).query(String.class).optional().orElse(null);
    }

    /** Every recorded change of the unit, oldest first. */
    public List<UnitHistory> history(UUID unitId) {
        return jdbc.sql("""
                SELECT kind, old_value, new_value, effective_on, changed_by, changed_at FROM service_unit_change
                 WHERE unit_id = ? ORDER BY changed_at, kind""").param(unitId)
                .query((rs, n) -> new UnitHistory(UnitImportPreview.ChangeKind.valueOf(rs.getString("kind")),
                        rs.getString("old_value"), rs.getString("new_value"),
                        rs.getObject("effective_on", LocalDate.class), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant())).list();
    }

    /**
     * Writes today's owner into the units whose change has come due, for readers of the stored column;
     * the directory's own answers already follow the dated owners. Returns how many changed.
     */
    @Transactional
    public int applyDue() {
        int n = jdbc.sql("""
                UPDATE service_unit u SET agency_code = o.agency_code, updated_at = now()
                  FROM (SELECT DISTINCT ON (unit_id) unit_id, agency_code FROM service_unit_owner
                         WHERE since <= ? ORDER BY unit_id, since DESC) o
                 WHERE u.id = o.unit_id AND u.agency_code <> o.agency_code""")
                .param(LocalDate.now(clock)).update();
        if (n > 0) directory.forgetPlacements();
        return n;
    }
}
