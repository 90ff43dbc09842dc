package org.tonkla.recordbook;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.Validation;
import org.tonkla.recordbook.internal.EntryRows;
import org.tonkla.recordbook.internal.GrowthScoring;
import org.tonkla.registry.Child;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.RosterEntry;

/**
 * Growth measurements: each scored with the WHO standards on save (core), flagged when implausible,
 * corrected by a new row that supersedes the old one. Every write goes through {@link ChildAccess}.
 */
@Component
public class Growth {

    /** The class of a measurement confirmed outside the WHO plausible range (a message key suffix). */
    public static final String CONFIRMED_EXTREME = "SEVERE_EXTREME_CONFIRMED";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChildAccess access;
    private final AuditTrail audit;
    private final GrowthScoring scoring;

    Growth(JdbcClient jdbc, Clock clock, ChildAccess access, AuditTrail audit, GrowthScoring scoring) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
        this.audit = audit;
        this.scoring = scoring;
    }

    /**
     * Records a measurement with its z-scores and WHO classification.
     *
     * @throws ImplausibleMeasurement when a z-score is flagged and the user has not confirmed it
     * @throws InvalidInput naming each bad field
     */
    @Transactional
    public Measurement record(ChildId childId, MeasurementInput in, CurrentUser user) {
        return access.write(childId, user, "growth", child -> insert(child, in, user, null, null), m -> null);
    }

    /**
     * Records a measurement typed on the class roster of {@code unitId}. The row is saved each time it
     * changes: a later save of the same child, day and unit supersedes the earlier one (kept, as history).
     * The database keeps one current roster row per child, day and unit, so two saves at once cannot both stay.
     */
    @Transactional
    public Measurement recordFromRoster(UUID unitId, ChildId childId, MeasurementInput in, CurrentUser user) {
        access.requireRecorderAt(user, unitId);
        return access.write(childId, user, "growth", child -> {
            UUID newId = UUID.randomUUID();
            // Point the current row (locked, so a concurrent save waits) at its replacement first; the
            // reference is checked at commit (deferred), when the replacement exists.
            int superseded = in.measuredOn() == null ? 0 : jdbc.sql("""
                    UPDATE growth_measurement SET superseded_by = ?, correction_reason = 'edited on the class roster'
                    WHERE child_id = ? AND measured_on = ? AND roster_unit_id = ? AND superseded_by IS NULL""")
                    .params(newId, childId.value(), Date.valueOf(in.measuredOn()), unitId).update();
            try {
                return insert(child, in, user, newId, unitId);
            } catch (DuplicateKeyException e) {
                throw Conflict.changedMeanwhile("roster row");
            }
        }, m -> null);
    }

    /**
     * Corrects a measurement: a new row with the corrected values; the old one stays, pointing to it.
     *
     * @throws InvalidInput naming {@code reason}, {@code measurementId} or the measurement's fields
     */
    @Transactional
    public Measurement correct(ChildId childId, UUID measurementId, MeasurementInput in, String reason, CurrentUser user) {
        return access.write(childId, user, "growth", child -> {
            new Validation().requiredText("reason", reason, Validation.MAX_TEXT).throwIfInvalid();
            UUID newId = UUID.randomUUID();
            int updated = jdbc.sql("""
                    UPDATE growth_measurement SET superseded_by = ?, correction_reason = ?
                    WHERE id = ? AND child_id = ? AND superseded_by IS NULL""")
                    .params(newId, reason.strip(), measurementId, childId.value()).update();
            if (updated == 0) throw new InvalidInput("measurementId", "a current measurement of this child");
            var corrected = insert(child, in, user, newId, null);
            audit.record("CORRECT", "growth_measurement", measurementId.toString(), "superseded by " + corrected.id());
            return corrected;
        }, m -> "correction");
    }

    /** The latest current measurement of each child of a roster the user was shown. */
    public Map<ChildId, Measurement> latestOf(List<RosterEntry> roster) {
        if (roster.isEmpty()) return Map.of();
        var result = new HashMap<ChildId, Measurement>();
        jdbc.sql("SELECT DISTINCT ON (child_id) child_id, " + EntryRows.MEASUREMENT_COLUMNS + """
                 FROM growth_measurement WHERE child_id IN (:ids) AND superseded_by IS NULL
                ORDER BY child_id, measured_on DESC, recorded_at DESC""")
                .param("ids", roster.stream().map(e -> e.child().id().value()).toList())
                .query((rs, i) -> result.put(new ChildId(rs.getObject("child_id", UUID.class)), EntryRows.measurement(rs, i)))
                .list();
        return result;
    }

    private Measurement insert(Child child, MeasurementInput in, CurrentUser user, UUID id, UUID rosterUnit) {
        LocalDate today = LocalDate.now(clock);
        in.validate(new Validation(), child.dateOfBirth(), today).throwIfInvalid();
        int ageDays = (int) ChronoUnit.DAYS.between(child.dateOfBirth(), in.measuredOn());
        var scored = scoring.score(child.sex(), ageDays, in);
        if (!scored.flags().isEmpty() && !in.confirmImplausible()) throw new ImplausibleMeasurement(scored.flags());
        UUID unitId = user.scope().unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
        // A value the user confirmed although it lies outside the WHO plausible range is a finding, not "normal":
        // it is classed severe so that it is red on the roster and reaches the child's needs.
        List<String> classes = new java.util.ArrayList<>(scored.classification());
        if (!scored.flags().isEmpty()) {
            classes.remove("NORMAL");
            classes.addFirst(CONFIRMED_EXTREME);
        }
        // RETURNING gives back the row as stored (numeric scales applied) without reading the child's others.
        return jdbc.sql("INSERT INTO growth_measurement (" + EntryRows.MEASUREMENT_COLUMNS + """
                , child_id, province_code, implausible_confirmed, roster_unit_id)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""" + " RETURNING " + EntryRows.MEASUREMENT_COLUMNS)
                .params(id == null ? UUID.randomUUID() : id, Date.valueOf(in.measuredOn()), ageDays, in.weightKg(),
                        in.lengthCm(), scored.position(), in.headCm(), in.armCm(), in.oedema(), scored.zWfa(),
                        scored.zLhfa(), scored.zWflh(), scored.zBfa(), scored.zHcfa(), scored.zAcfa(),
                        String.join(",", scored.flags()), String.join(",", classes), unitId,
                        user.username(), Timestamp.from(Instant.now(clock)), child.id().value(), child.provinceCode(),
                        !scored.flags().isEmpty(), rosterUnit)
                .query(EntryRows::measurement).single();
    }
}
