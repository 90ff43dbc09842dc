package org.tonkla.recordbook;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.core.development.DspmDomain;
import org.tonkla.core.development.DspmSchedule;
import org.tonkla.core.development.DspmScreening;
import org.tonkla.core.development.DspmScreeningAge;
import org.tonkla.core.development.ScreeningResult;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.Validation;
import org.tonkla.recordbook.internal.EntryRows;
import org.tonkla.registry.Child;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.ChildId;

/**
 * DSPM developmental screenings. The outcome code follows THAI-RULES §2.1 (1B260 all normal, 1B261
 * suspected delay with one month of home stimulation, 1B262 refer now); a screening within 30 days
 * after a suspected delay is its re-check.
 */
@Component
public class Screenings {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChildAccess access;

    Screenings(JdbcClient jdbc, Clock clock, ChildAccess access) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
    }

    /**
     * Records a screening.
     *
     * @throws InvalidInput naming {@code screenedOn} or {@code domains.XX}
     */
    @Transactional
    public Screening record(ChildId childId, LocalDate screenedOn, Map<DspmDomain, ScreeningResult> domains,
            CurrentUser user) {
        return access.write(childId, user, "screening", child -> insert(child, screenedOn, domains, user),
                Screening::outcomeCode);
    }

    /** Corrects a screening: a new row with the corrected results; the old one stays, pointing to it, with the reason. */
    @Transactional
    public Screening correct(ChildId childId, UUID screeningId, LocalDate screenedOn,
            Map<DspmDomain, ScreeningResult> domains, String reason, CurrentUser user) {
        return access.write(childId, user, "screening", child -> {
            new Validation().requiredText("reason", reason, Validation.MAX_TEXT).throwIfInvalid();
            // Withdrawn first, so the new row does not take the old one as the screening it re-checks.
            int withdrawn = jdbc.sql("""
                    UPDATE dspm_screening SET superseded_by = id, correction_reason = ?
                    WHERE id = ? AND child_id = ? AND superseded_by IS NULL""")
                    .params(reason.strip(), screeningId, childId.value()).update();
            if (withdrawn == 0) throw new InvalidInput("screeningId", "a current screening of this child");
            var corrected = insert(child, screenedOn, domains, user);
            jdbc.sql("UPDATE dspm_screening SET superseded_by = ? WHERE id = ?").params(corrected.id(), screeningId).update();
            return corrected;
        }, s -> "correction");
    }

    /**
     * Whether a screening sends the child on: a suspected delay needing referral at once (1B262), or a
     * re-check that still finds a delay (step 4: refer to a hospital with TEDA4I).
     */
    static boolean refers(DspmScreening screening, UUID followUpOf) {
        return screening.overall() == ScreeningResult.REFER_NOW || (followUpOf != null && !screening.passedAll());
    }

    private Screening insert(Child child, LocalDate screenedOn, Map<DspmDomain, ScreeningResult> domains, CurrentUser user) {
        var v = new Validation().date("screenedOn", screenedOn, child.dateOfBirth(), LocalDate.now(clock));
        for (DspmDomain d : DspmDomain.values()) {
            v.check(domains != null && domains.get(d) != null, "domains." + d.name(), "NORMAL, SUSPECTED_DELAY or REFER_NOW");
        }
        v.throwIfInvalid();
        var screening = DspmScreening.of(screenedOn, domains);
        String outcome = screening.specialPpCodes().get(0);
        Integer keyAge = DspmSchedule.NATIONAL.keyAgeOn(child.dateOfBirth(), screenedOn).map(DspmScreeningAge::months)
                .orElse(null);
        // A re-check follows a first screening that found a suspected delay (1B261) within 30 days; a child
        // referred at once (1B262) goes to TEDA4I instead (THAI-RULES §2 workflow, steps 2–4).
        UUID followUpOf = current(child.id()).stream()
                .filter(s -> s.followUpOf() == null && s.overall() == ScreeningResult.SUSPECTED_DELAY
                        && s.screenedOn().isBefore(screenedOn)
                        && !s.screenedOn().plusDays(DspmSchedule.NATIONAL.recheckDays()).isBefore(screenedOn))
                .reduce((a, b) -> b).map(Screening::id).orElse(null);
        UUID id = UUID.randomUUID();
        UUID unitId = user.scope().unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
        jdbc.sql("""
                INSERT INTO dspm_screening (id, child_id, province_code, screened_on, key_age_months, gm, fm, rl, el, ps,
                  outcome_code, follow_up_of, referred, unit_id, recorded_by, recorded_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(id, child.id().value(), child.provinceCode(), Date.valueOf(screenedOn), keyAge,
                        domains.get(DspmDomain.GM).name(), domains.get(DspmDomain.FM).name(),
                        domains.get(DspmDomain.RL).name(), domains.get(DspmDomain.EL).name(),
                        domains.get(DspmDomain.PS).name(), outcome, followUpOf, refers(screening, followUpOf), unitId,
                        user.username(), Timestamp.from(Instant.now(clock)))
                .update();
        return current(child.id()).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** Current screenings of a child, oldest first (inside a checked write). */
    List<Screening> current(ChildId childId) {
        return jdbc.sql("""
                SELECT id, screened_on, key_age_months, gm, fm, rl, el, ps, outcome_code, follow_up_of, referred, recorded_by
                FROM dspm_screening WHERE child_id = ? AND superseded_by IS NULL ORDER BY screened_on, recorded_at""")
                .param(childId.value())
                .query((rs, i) -> new Screening(rs.getObject("id", UUID.class), rs.getDate("screened_on").toLocalDate(),
                        (Integer) rs.getObject("key_age_months"), EntryRows.domains(rs), rs.getString("outcome_code"),
                        rs.getObject("follow_up_of", UUID.class), rs.getBoolean("referred"), rs.getString("recorded_by")))
                .list();
    }
}
