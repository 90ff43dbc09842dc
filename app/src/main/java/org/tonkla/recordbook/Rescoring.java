package org.tonkla.recordbook;

import java.time.temporal.ChronoUnit;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.core.development.DspmSchedule;
import org.tonkla.core.development.DspmScreeningAge;
import org.tonkla.platform.AuditTrail;
import org.tonkla.recordbook.internal.EntryRows;
import org.tonkla.recordbook.internal.GrowthScoring;
import org.tonkla.registry.ChildDateOfBirthCorrected;
import org.tonkla.registry.Sex;

/**
 * Computes again what was derived from the date of birth when the registry corrects it: age in days,
 * z-scores, classification and flags of each current measurement; the key age of each screening. The
 * observations are unchanged and the correction is in the registry's history; only derived values change,
 * so they are updated in place, in the correcting transaction (a synchronous listener), with an audit entry.
 */
@Component
class Rescoring {

    private final JdbcClient jdbc;
    private final GrowthScoring growth;
    private final Screenings screenings;
    private final AuditTrail audit;

    Rescoring(JdbcClient jdbc, GrowthScoring growth, Screenings screenings, AuditTrail audit) {
        this.jdbc = jdbc;
        this.growth = growth;
        this.screenings = screenings;
        this.audit = audit;
    }

    @EventListener
    void dateOfBirthCorrected(ChildDateOfBirthCorrected event) {
        Sex sex = event.sex();
        var measurements = jdbc.sql("SELECT " + EntryRows.MEASUREMENT_COLUMNS
                        + " FROM growth_measurement WHERE child_id = ? AND superseded_by IS NULL")
                .param(event.child().value()).query(EntryRows::measurement).list();
        for (Measurement m : measurements) {
            int ageDays = Math.max((int) ChronoUnit.DAYS.between(event.to(), m.measuredOn()), 0);
            var scored = growth.score(sex, ageDays, new MeasurementInput(m.measuredOn(), m.weightKg(), m.lengthCm(),
                    m.position(), m.headCm(), m.armCm(), m.oedema(), true));
            jdbc.sql("""
                    UPDATE growth_measurement SET age_days = ?, z_wfa = ?, z_lhfa = ?, z_wflh = ?, z_bfa = ?, z_hcfa = ?,
                           z_acfa = ?, flags = ?, classification = ? WHERE id = ?""")
                    .params(ageDays, scored.zWfa(), scored.zLhfa(), scored.zWflh(), scored.zBfa(), scored.zHcfa(),
                            scored.zAcfa(), String.join(",", scored.flags()), String.join(",", scored.classification()),
                            m.id())
                    .update();
        }
        for (Screening s : screenings.current(event.child())) {
            Integer keyAge = DspmSchedule.NATIONAL.keyAgeOn(event.to(), s.screenedOn()).map(DspmScreeningAge::months)
                    .orElse(null);
            jdbc.sql("UPDATE dspm_screening SET key_age_months = ? WHERE id = ?").params(keyAge, s.id()).update();
        }
        audit.record("RESCORE", "child", event.child().toString(),
                "growth and DSPM key ages computed again: date of birth " + event.from() + " → " + event.to());
    }
}
