package org.tonkla.assessment;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Refused;
import org.tonkla.platform.ThaiDates;

/**
 * Issue 10 §6: the reviewing officer reminds a center that has not handed in this year's self-assessment
 * (not opened, a draft, or returned and not yet sent again). The reminder is in-app: the head sees it on her
 * home page until the sheet is submitted. E-mail is not sent: the only mail sender (the referral module's
 * outbox) is internal to that module. A center is reminded at most once a day (a unique index); the table and
 * the audit trail keep who reminded which center when.
 */
@Component
public class Reminders {

    /** One reminder: to which center, for which year, by whom, when. */
    public record Reminder(UUID unitId, int yearBe, String by, Instant at) {}

    private static final Set<AssessmentStatus> NOT_HANDED_IN =
            Set.of(AssessmentStatus.NOT_STARTED, AssessmentStatus.DRAFT, AssessmentStatus.RETURNED);

    private final JdbcClient jdbc;
    private final AssessmentAccess access;
    private final AssessmentSheets sheets;
    private final Directory directory;
    private final AuditTrail audit;
    private final Clock clock;
    private final AssessmentProperties properties;

    Reminders(JdbcClient jdbc, AssessmentAccess access, AssessmentSheets sheets, Directory directory, AuditTrail audit,
            Clock clock, AssessmentProperties properties) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.access = access;
        this.sheets = sheets;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Reminds the center, today, to hand in this year's self-assessment.
     *
     * @throws Refused when the user does not review this center
     * @throws AssessmentRefused {@code assessment.reminder.notNeeded} when the sheet is submitted or accepted,
     *     {@code assessment.reminder.already} when the center was reminded today already (by anyone)
     */
    @Transactional
    public Reminder remind(UUID unitId, CurrentUser user) {
        var unit = directory.serviceUnit(unitId).orElseThrow(() -> new NotFound("service unit"));
        if (!access.mayReview(user, unitId)) throw new Refused("Only an officer reviewing the center reminds it");
        // Only the unit types that assess themselves against the standard have a sheet to hand in.
        if (!properties.centerTypes().contains(unit.type())) throw new NotFound("center");
        int year = sheets.currentYearBe();
        AssessmentStatus status = status(unitId, year);
        if (!NOT_HANDED_IN.contains(status)) throw new AssessmentRefused("assessment.reminder.notNeeded");
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
        int added = jdbc.sql("""
                INSERT INTO assessment_reminder (id, unit_id, province_code, year_be, reminded_on, reminded_by, reminded_at)
                VALUES (?,?,?,?,?,?,?) ON CONFLICT (unit_id, reminded_on) DO NOTHING""")
                .params(UUID.randomUUID(), unitId, unit.provinceCode(), year, Date.valueOf(today), user.username(),
                        Timestamp.from(now))
                .update();
        if (added == 0) throw new AssessmentRefused("assessment.reminder.already");
        audit.recordAs(user.username(), "CREATE", "assessment_reminder", unitId.toString(),
                "reminded to hand in the " + year + " self-assessment (status " + status + "), in-app");
        return new Reminder(unitId, year, user.username(), now);
    }

    /** The latest reminder of this year for a center that has still not handed its sheet in; empty otherwise. */
    public Optional<Reminder> pending(UUID unitId) {
        int year = sheets.currentYearBe();
        if (!NOT_HANDED_IN.contains(status(unitId, year))) return Optional.empty();
        return jdbc.sql("""
                SELECT reminded_by, reminded_at FROM assessment_reminder r WHERE unit_id = ? AND year_be = ?
                   AND reminded_at > COALESCE((SELECT submitted_at FROM center_assessment a
                                                WHERE a.unit_id = r.unit_id AND a.year_be = r.year_be), '-infinity')
                 ORDER BY reminded_at DESC LIMIT 1""")
                .params(unitId, year)
                .query((rs, i) -> new Reminder(unitId, year, rs.getString(1), rs.getTimestamp(2).toInstant()))
                .optional();
    }

    /** Of these centers, those reminded today (the page offers no second reminder). */
    public Set<UUID> remindedToday(Collection<UUID> unitIds) {
        if (unitIds.isEmpty()) return Set.of();
        LocalDate today = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
        List<UUID> found = jdbc.sql("SELECT unit_id FROM assessment_reminder WHERE reminded_on = :d AND unit_id IN (:ids)")
                .param("d", Date.valueOf(today)).param("ids", unitIds)
                .query((rs, i) -> rs.getObject(1, UUID.class)).list();
        return found.stream().collect(Collectors.toSet());
    }

    /** Whether the sheet of this year is still to be handed in (the officer's list offers a reminder). */
    public static boolean notHandedIn(AssessmentStatus status) {
        return NOT_HANDED_IN.contains(status);
    }

    private AssessmentStatus status(UUID unitId, int year) {
        return jdbc.sql("SELECT status FROM center_assessment WHERE unit_id = ? AND year_be = ?")
                .params(unitId, year).query(String.class).optional()
                .map(AssessmentStatus::valueOf).orElse(AssessmentStatus.NOT_STARTED);
    }
}
