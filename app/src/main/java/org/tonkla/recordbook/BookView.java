package org.tonkla.recordbook;

import java.util.List;
import java.util.Optional;
import org.tonkla.consent.AccessLog;
import org.tonkla.core.development.ScreeningDue;
import org.tonkla.core.immunization.VaccinationStatus;
import org.tonkla.registry.Child;
import org.tonkla.registry.ChildRegistry;
import org.tonkla.registry.Enrolment;

/**
 * Everything on a child's record-book page, read once after the access check.
 *
 * @param fullIdentifier the national ID in full, only for roles that need it; otherwise empty
 * @param vaccines the vaccine card: every dose of the national schedule with its state today
 * @param accessLog who opened the record: filled for the child's guardian only
 */
public record BookView(Child child, Optional<String> fullIdentifier, List<ChildRegistry.Guardian> guardians,
        List<Enrolment> enrolments, List<Measurement> measurements, List<Screening> screenings,
        List<Immunization> immunizations, VaccinationStatus vaccines, List<HealthNote> healthNotes, List<Need> needs, Optional<ScreeningDue> nextScreening,
        List<AccessLog.Entry> accessLog) {}
