package org.tonkla.recordbook;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.ThaiDates;
import org.tonkla.registry.ChildAccess;

/**
 * A unit's month at a glance for its home page (issue 10 §6): how many of the children on its roster today
 * have been weighed since the first of the month. Counts only, no child named, so nothing is logged as shown.
 */
@Component
public class UnitMonth {

    /** {@code weighed} of the {@code children} on the roster today were weighed this month. */
    public record Weighing(int children, int weighed) {}

    private final JdbcClient jdbc;
    private final ChildAccess access;
    private final Clock clock;

    UnitMonth(JdbcClient jdbc, ChildAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /**
     * @throws org.tonkla.platform.Refused unless the user may list the unit's children
     */
    public Weighing weighing(UUID unitId, CurrentUser user) {
        access.requireUnitList(user, unitId);
        LocalDate today = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
        // The roster's rule (current enrolments and registrations at the unit); a measurement counts whoever took it.
        return jdbc.sql("""
                SELECT count(DISTINCT e.child_id),
                       count(DISTINCT e.child_id) FILTER (WHERE EXISTS (SELECT 1 FROM growth_measurement g
                           WHERE g.child_id = e.child_id AND g.superseded_by IS NULL AND g.weight_kg IS NOT NULL
                             AND g.measured_on BETWEEN ? AND ?))
                  FROM enrolment e WHERE e.unit_id = ? AND e.ended_on IS NULL""")
                .params(Date.valueOf(today.withDayOfMonth(1)), Date.valueOf(today), unitId)
                .query((rs, i) -> new Weighing(rs.getInt(1), rs.getInt(2))).single();
    }
}
