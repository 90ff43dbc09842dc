package org.tonkla.exchange.web.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;
import org.tonkla.core.thai.GCode;
import org.tonkla.core.thai.NationalId;
import org.tonkla.exchange.ChangeFeed;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Role;
import org.tonkla.platform.InvalidInput;
import org.tonkla.registry.Child;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.ChildSearch;

/**
 * Patient read and search, always through the registry's API: {@link ChildSearch} finds (by identifier, in the
 * user's scope, counted against the hourly identity look-ups, listed in the access log) and {@link ChildAccess}
 * opens each child found (scope, agreements, purpose {@code care}, one READ entry each).
 */
@Component
class PatientQueries {

    static final String PURPOSE = "care";

    private final ChildSearch search;
    private final ChildAccess access;
    private final ChangeFeed feed;
    private final org.tonkla.exchange.RecordLinkage linkage;
    private final java.time.Clock clock;

    PatientQueries(ChildSearch search, ChildAccess access, ChangeFeed feed, org.tonkla.exchange.RecordLinkage linkage,
            java.time.Clock clock) {
        this.clock = clock;
        this.search = search;
        this.access = access;
        this.feed = feed;
        this.linkage = linkage;
    }

    Patient read(ChildId id, CurrentUser user) {
        return linked(PersonResources.patient(access.open(id, user, PURPOSE), Optional.empty(), feed.lastUpdated(id.toString()), today()),
                id, user);
    }

    /** The other records of the same child (record linkage) the user may also read: replaces / replaced-by. */
    private Patient linked(Patient p, ChildId id, CurrentUser user) {
        for (var link : linkage.linksOf(id)) {
            if (!access.mayAccess(user, link.other())) continue;
            p.addLink().setType(link.thisKept() ? Patient.LinkType.REPLACES : Patient.LinkType.REPLACEDBY)
                    .setOther(new org.hl7.fhir.r4.model.Reference("Patient/" + link.other()));
        }
        return p;
    }

    /**
     * Patients by {@code identifier} (system|value: national ID or G-code) or by {@code organization} (a unit's
     * current roster), narrowed by birthdate and _lastUpdated. A guardian without either gets their own children.
     *
     * @throws InvalidInput when neither identifier nor organization is given (except for guardians)
     */
    List<java.util.function.Supplier<Patient>> search(String identifier, String organization, SearchDates birthdate, SearchDates lastUpdated,
            CurrentUser user) {
        List<Child> found;
        Optional<String> gCode = Optional.empty();
        if (identifier != null && !identifier.isBlank()) {
            String[] parts = identifier.contains("|") ? identifier.split("\\|", 2) : new String[] {"", identifier};
            String system = parts[0].strip();
            String value = parts[1].strip();
            boolean national = system.equals(FhirSystems.NATIONAL_ID) || (system.isEmpty() && value.matches("\\d{13}"));
            boolean g = system.equals(FhirSystems.G_CODE) || (system.isEmpty() && value.matches("(?i)G\\d{12}"));
            if (national && NationalId.tryParse(value).isEmpty()) return List.of(); // no child has an invalid ID
            if (g && GCode.tryParse(value).isEmpty()) return List.of();
            if (!national && !g) {
                throw new InvalidInput("identifier", FhirSystems.NATIONAL_ID + "|13 digits or " + FhirSystems.G_CODE + "|G-code");
            }
            Child.IdentifierType type = national ? Child.IdentifierType.NATIONAL_ID : Child.IdentifierType.G_CODE;
            found = search.search(user, value, 200).stream().filter(c -> c.identifierType() == type).toList();
            // A G-code matches the registry's g_code exactly (names hold no "G" and 12 digits), so echo it back.
            if (g) gCode = Optional.of(GCode.tryParse(value).orElseThrow().value());
        } else if (organization != null && !organization.isBlank()) {
            UUID unit = unitId(organization);
            found = search.rosterToOpen(unit, user); // logged when opened: only the page returned

        } else if (user.role() == Role.GUARDIAN) {
            found = search.childrenOfGuardian(user);
        } else {
            throw new InvalidInput("identifier", "identifier or organization (a Patient search names whom or which unit)");
        }
        // Matches are opened (a logged read) only when the page returns them: see FhirResponses.page.
        List<java.util.function.Supplier<Patient>> out = new ArrayList<>();
        Optional<String> echo = gCode;
        for (Child c : found) {
            if (!birthdate.matches(c.dateOfBirth())) continue;
            var updated = feed.lastUpdated(c.id().toString());
            if (!lastUpdated.values().isEmpty() && !lastUpdated.matchesInstant(updated.orElse(null))) continue;
            out.add(() -> linked(PersonResources.patient(access.open(c.id(), user, PURPOSE), echo, updated, today()), c.id(), user));
        }
        return out;
    }

    /** Today in Thailand: which enrolment is current (the managing organization). */
    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Bangkok")));
    }

    static UUID unitId(String reference) {
        String id = reference.strip().replaceFirst("^Organization/", "");
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("organization", "Organization/{id} of a Tonkla service unit");
        }
    }

    static ChildId childId(String reference, String parameter) {
        if (reference == null || reference.isBlank()) throw new InvalidInput(parameter, "Patient/{id}");
        try {
            return ChildId.of(reference.strip().replaceFirst("^Patient/", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(parameter, "Patient/{id}");
        }
    }
}
