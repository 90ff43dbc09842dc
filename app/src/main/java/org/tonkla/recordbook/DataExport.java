package org.tonkla.recordbook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.consent.AccessLog;
import org.tonkla.consent.Consents;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Role;
import org.tonkla.platform.Refused;
import org.tonkla.registry.Child;
import org.tonkla.registry.ChildCorrections;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.CorrectionRequest;
import org.tonkla.registry.CorrectionRequests;
import org.tonkla.registry.Enrolment;
import org.tonkla.registry.Guardian;

/**
 * A copy of everything Tonkla holds about a child, for the child's guardian (PDPA s.30, machine-readable as
 * s.31 asks): identity, guardians, enrolments, measurements, screenings, vaccinations, health notes, consent
 * choices, the whole access log, identity corrections and correction requests. The copy is a read in the
 * access log (purpose {@code export}). Current entries of the record book; superseded ones stay in Tonkla.
 */
@Component
public class DataExport {

    /** The format's name and version, so a reader knows what it holds. */
    public static final String FORMAT = "tonkla-child-export/1";

    private final RecordBook book;
    private final Consents consents;
    private final AccessLog accessLog;
    private final ChildCorrections identityCorrections;
    private final CorrectionRequests requests;
    private final Clock clock;

    DataExport(RecordBook book, Consents consents, AccessLog accessLog, ChildCorrections identityCorrections,
            CorrectionRequests requests, Clock clock) {
        this.book = book;
        this.consents = consents;
        this.accessLog = accessLog;
        this.identityCorrections = identityCorrections;
        this.requests = requests;
        this.clock = clock;
    }

    /** The copy; {@code nationalId} is the full number, formatted. */
    public record Copy(String format, Instant exportedAt, String exportedBy, Child child, String nationalId,
            List<Guardian> guardians, List<Enrolment> enrolments, List<Measurement> measurements,
            List<Screening> screenings, List<Immunization> immunizations, List<HealthNote> healthNotes,
            List<Consents.Choice> consents, List<AccessLog.Entry> accessLog,
            List<ChildCorrections.Correction> identityCorrections, List<CorrectionRequest> correctionRequests) {}

    /** @throws Refused unless the user is the child's guardian */
    @Transactional
    public Copy of(ChildId child, CurrentUser user) {
        if (user.role() != Role.GUARDIAN) throw new Refused("The copy of a child's data is for the child's guardian");
        BookView v = book.view(child, user, "export");
        return new Copy(FORMAT, Instant.now(clock), user.username(), v.child(), v.fullIdentifier().orElse(null),
                v.guardians(), v.enrolments(), v.measurements(), v.screenings(), v.immunizations(), v.healthNotes(),
                consents.history(child.value()), accessLog.entriesFor(child.value(), Integer.MAX_VALUE),
                identityCorrections.corrections(v.file()), requests.ofChild(child, user));
    }
}
