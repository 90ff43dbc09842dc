package org.tonkla.recordbook;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.Validation;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.ChildId;

/** Chronic conditions, disabilities and allergies: what every unit caring for the child must know. */
@Component
public class HealthNotes {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChildAccess access;
    private final AuditTrail audit;

    HealthNotes(JdbcClient jdbc, Clock clock, ChildAccess access, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
        this.audit = audit;
    }

    /** @throws InvalidInput naming {@code kind}, {@code description} or {@code since} */
    @Transactional
    public UUID add(ChildId childId, HealthNote.Kind kind, String description, LocalDate since, CurrentUser user) {
        return access.write(childId, user, "health-note", child -> {
            var v = new Validation().check(kind != null, "kind", "CHRONIC_CONDITION, DISABILITY or ALLERGY")
                    .requiredText("description", description, Validation.MAX_NOTE);
            if (since != null) v.date("since", since, child.dateOfBirth(), LocalDate.now(clock));
            v.throwIfInvalid();
            UUID id = UUID.randomUUID();
            UUID unitId = user.scope().unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
            jdbc.sql("""
                    INSERT INTO health_note (id, child_id, province_code, kind, description, since, unit_id, recorded_by,
                                             recorded_at)
                    VALUES (?,?,?,?,?,?,?,?,?)""")
                    .params(id, childId.value(), child.provinceCode(), kind.name(), description.strip(),
                            since == null ? null : Date.valueOf(since), unitId, user.username(),
                            Timestamp.from(Instant.now(clock)))
                    .update();
            return id;
        }, id -> kind.name());
    }

    /**
     * Records that a condition, disability or allergy no longer applies (from {@code resolvedOn}); the
     * note stays on the record, shown as resolved, and no longer goes with the child's handover.
     *
     * @throws InvalidInput naming {@code resolvedOn} or {@code noteId}
     */
    @Transactional
    public void resolve(ChildId childId, UUID noteId, LocalDate resolvedOn, CurrentUser user) {
        access.write(childId, user, "health-note", child -> {
            new Validation().date("resolvedOn", resolvedOn, child.dateOfBirth(), LocalDate.now(clock)).throwIfInvalid();
            int updated = jdbc.sql(
                    "UPDATE health_note SET resolved_on = ? WHERE id = ? AND child_id = ? AND resolved_on IS NULL")
                    .params(Date.valueOf(resolvedOn), noteId, childId.value()).update();
            if (updated == 0) throw new InvalidInput("noteId", "a current, unresolved note of this child");
            return noteId;
        }, id -> "resolved");
        audit.record("RESOLVE", "health_note", noteId.toString(), "resolved on " + resolvedOn);
    }
}
