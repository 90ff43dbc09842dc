package org.tonkla.recordbook.web;

import java.time.LocalDate;
import java.util.List;
import org.tonkla.consent.AccessLog;
import org.tonkla.core.development.ScreeningDue;
import org.tonkla.recordbook.BookView;
import org.tonkla.recordbook.HealthNote;
import org.tonkla.recordbook.Immunization;
import org.tonkla.recordbook.Measurement;
import org.tonkla.recordbook.Need;
import org.tonkla.recordbook.Screening;
import org.tonkla.registry.Child;
import org.tonkla.registry.Guardian;
import org.tonkla.registry.Enrolment;

/**
 * The record book as the API publishes it: the page's content with the vaccine card flattened to
 * one line per dose (the schedule's own notes and evidence stay in the schedule).
 *
 * @param fullIdentifier the formatted national ID for roles that need it, otherwise null
 * @param vaccines every dose of the Thai national EPI schedule with its state today (empty when immunization is withheld)
 * @param withheld categories the caller's agency has no agreement to see for the purpose; {@code withheldBecause} says which is missing
 */
record BookJson(Child child, String fullIdentifier, List<Guardian> guardians, List<Enrolment> enrolments,
        List<Measurement> measurements, List<Screening> screenings, List<Dose> vaccines, List<Immunization> immunizations,
        List<HealthNote> healthNotes, List<Need> needs, ScreeningDue nextScreening, List<AccessLog.Entry> accessLog,
        java.util.Set<org.tonkla.consent.DataCategory> withheld, String withheldBecause) {

    /** One dose of the vaccine card; {@code code} is the THCC 198 code Tonkla records for it. */
    record Dose(String series, int dose, String code, String labelTh, String labelEn, String state, LocalDate dueOn,
            LocalDate givenOn) {}

    static BookJson of(BookView v) {
        return new BookJson(v.child(), v.fullIdentifier().orElse(null), v.guardians(), v.enrolments(), v.measurements(),
                v.screenings(),
                (v.withheld().contains(org.tonkla.consent.DataCategory.IMMUNIZATION) ? java.util.stream.Stream.<org.tonkla.core.immunization.DoseStatus>empty() : v.vaccines().doses().stream()).map(d -> new Dose(d.dose().series(), d.dose().dose(), d.dose().primaryCode(),
                        d.dose().labelTh(), d.dose().labelEn(), d.state().name(), d.dueOn(), d.givenOn())).toList(),
                v.immunizations(), v.healthNotes(), v.needs(), v.nextScreening().orElse(null), v.accessLog(), v.withheld(),
                v.withheldBecause());
    }
}
