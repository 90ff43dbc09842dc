package org.tonkla.recordbook;

import java.util.List;
import java.util.Optional;
import org.tonkla.consent.AccessLog;
import org.tonkla.core.development.ScreeningDue;
import org.tonkla.core.immunization.VaccinationStatus;
import org.tonkla.registry.Child;
import org.tonkla.registry.ChildFile;
import org.tonkla.registry.Enrolment;
import org.tonkla.registry.Guardian;

/**
 * Everything on a child's record-book page, read once after the access check.
 *
 * @param file the registry's file of the child, as this user may see it (the full national ID only for roles that need it)
 * @param vaccines the vaccine card: every dose of the national schedule with its state today
 * @param accessLog who opened the record: filled for the child's guardian only
 */
public record BookView(ChildFile file, List<Measurement> measurements, List<Screening> screenings,
        List<Immunization> immunizations, VaccinationStatus vaccines, List<HealthNote> healthNotes, List<Need> needs,
        Optional<ScreeningDue> nextScreening, List<AccessLog.Entry> accessLog) {

    public Child child() {
        return file.child();
    }

    public Optional<String> fullIdentifier() {
        return file.fullIdentifier();
    }

    public List<Guardian> guardians() {
        return file.guardians();
    }

    public List<Enrolment> enrolments() {
        return file.enrolments();
    }

    /** Categories this user may not see of the child (no agreement for the purpose), empty for most users. */
    public java.util.Set<org.tonkla.consent.DataCategory> withheld() {
        var all = java.util.EnumSet.allOf(org.tonkla.consent.DataCategory.class);
        all.removeAll(file.release().permitted());
        all.remove(org.tonkla.consent.DataCategory.CENTER_ASSESSMENT);
        return all;
    }

    /** Whether this user may see the category (a {@code DataCategory} name), for the page's sections. */
    public boolean shows(String category) {
        return file.shows(org.tonkla.consent.DataCategory.valueOf(category));
    }

    /** Why some categories are withheld (the missing agreement), or null. */
    public String withheldBecause() {
        return withheld().isEmpty() ? null : file.release().missing();
    }
}
