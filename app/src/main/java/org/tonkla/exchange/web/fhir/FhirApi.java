package org.tonkla.exchange.web.fhir;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tonkla.directory.Directory;
import org.tonkla.exchange.ChangeFeed;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Users;
import org.tonkla.platform.NotFound;
import org.tonkla.recordbook.BookView;
import org.tonkla.recordbook.RecordBook;
import org.tonkla.referral.Referrals;
import org.tonkla.registry.ChildId;

/**
 * FHIR R4 (JSON) at {@code /fhir} for partner systems: read and search of Patient, RelatedPerson, Observation,
 * Immunization, ServiceRequest (referrals), Organization and Location; {@code /fhir/metadata} the CapabilityStatement. Signed in as for
 * {@code /api/v1} (session or bearer token). Every child's data comes through the registry's
 * {@code ChildAccess} (via {@link PatientQueries} and the record book), so scope, agreements and purpose
 * ({@code care}) apply and every read is in the family's access log; outside them the answer is an
 * OperationOutcome (403), never data.
 */
@RestController
@RequestMapping("/fhir")
class FhirApi {

    private final Users users;
    private final PatientQueries patients;
    private final RecordBook records;
    private final Directory directory;
    private final ChangeFeed feed;
    private final Referrals referrals;

    FhirApi(Users users, PatientQueries patients, RecordBook records, Directory directory, ChangeFeed feed,
            Referrals referrals) {
        this.referrals = referrals;
        this.users = users;
        this.patients = patients;
        this.records = records;
        this.directory = directory;
        this.feed = feed;
    }

    @GetMapping("/metadata")
    ResponseEntity<String> metadata() {
        return FhirResponses.ok(Capability.statement());
    }

    @GetMapping("/Patient/{id}")
    ResponseEntity<String> patient(@PathVariable String id) {
        return FhirResponses.ok(patients.read(child(id), users.require()));
    }

    @GetMapping("/Patient")
    ResponseEntity<String> patients(HttpServletRequest request, @RequestParam(required = false) String identifier,
            @RequestParam(required = false) String organization,
            @RequestParam(required = false) List<String> birthdate,
            @RequestParam(name = "_lastUpdated", required = false) List<String> lastUpdated) {
        return FhirResponses.page(request, patients.search(identifier, organization,
                new SearchDates("birthdate", birthdate == null ? List.of() : birthdate),
                new SearchDates("_lastUpdated", lastUpdated == null ? List.of() : lastUpdated), users.require()),
                java.util.function.Supplier::get);
    }

    @GetMapping("/RelatedPerson")
    ResponseEntity<String> relatedPersons(HttpServletRequest request, @RequestParam(required = false) String patient) {
        var file = records.view(PatientQueries.childId(patient, "patient"), users.require(), PatientQueries.PURPOSE).file();
        return FhirResponses.page(request, file.guardians().stream().map(g -> PersonResources.relatedPerson(file, g)).toList());
    }

    @GetMapping("/RelatedPerson/{id}")
    ResponseEntity<String> relatedPerson(@PathVariable String id) {
        var file = book(id).file();
        return FhirResponses.ok(file.guardians().stream().filter(g -> g.id().toString().equals(id)).findFirst()
                .map(g -> PersonResources.relatedPerson(file, g)).orElseThrow(() -> new NotFound("RelatedPerson")));
    }

    @GetMapping("/Observation")
    ResponseEntity<String> observations(HttpServletRequest request, @RequestParam(required = false) String patient,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String code) {
        ChildId child = PatientQueries.childId(patient != null ? patient : subject, "patient");
        List<Resource> found = observationsOf(child, records.view(child, users.require(), PatientQueries.PURPOSE));
        if (code != null && !code.isBlank()) {
            String wanted = code.contains("|") ? code.substring(code.indexOf('|') + 1) : code;
            found = found.stream().filter(r -> ((org.hl7.fhir.r4.model.Observation) r).getCode().getCoding().stream()
                    .anyMatch(c -> wanted.equals(c.getCode()))).toList();
        }
        return FhirResponses.page(request, found);
    }

    @GetMapping("/Observation/{id}")
    ResponseEntity<String> observation(@PathVariable String id) {
        BookView book = book(id);
        return FhirResponses.ok(observationsOf(book.child().id(), book).stream()
                .filter(r -> r.getIdElement().getIdPart().equals(id)).findFirst().orElseThrow(() -> new NotFound("Observation")));
    }

    @GetMapping("/Immunization")
    ResponseEntity<String> immunizations(HttpServletRequest request, @RequestParam(required = false) String patient) {
        ChildId child = PatientQueries.childId(patient, "patient");
        return FhirResponses.page(request, records.view(child, users.require(), PatientQueries.PURPOSE).immunizations()
                .stream().map(d -> ClinicalResources.immunization(child, d)).toList());
    }

    @GetMapping("/Immunization/{id}")
    ResponseEntity<String> immunization(@PathVariable String id) {
        BookView book = book(id);
        return FhirResponses.ok(book.immunizations().stream().filter(d -> d.id().toString().equals(id)).findFirst()
                .map(d -> ClinicalResources.immunization(book.child().id(), d)).orElseThrow(() -> new NotFound("Immunization")));
    }

    /** A referral the caller's unit is party to; any other id answers 404, as the referral pages do. */
    @GetMapping("/ServiceRequest/{id}")
    ResponseEntity<String> serviceRequest(@PathVariable String id) {
        UUID referral;
        try {
            referral = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("ServiceRequest");
        }
        return FhirResponses.ok(ReferralResources.serviceRequest(referrals.read(referral, users.require(), PatientQueries.PURPOSE)));
    }

    @GetMapping("/ServiceRequest")
    ResponseEntity<String> serviceRequests(HttpServletRequest request, @RequestParam(required = false) String patient) {
        ChildId child = PatientQueries.childId(patient, "patient");
        return FhirResponses.page(request, referrals.ofChild(child.value(), users.require()).stream()
                .map(ReferralResources::serviceRequest).toList());
    }

    /** Service units are public directory information: any signed-in user reads them. */
    @GetMapping("/Organization/{id}")
    ResponseEntity<String> organization(@PathVariable String id) {
        users.require();
        return FhirResponses.ok(directory.serviceUnit(PatientQueries.unitId(id)).map(DirectoryResources::organization)
                .orElseThrow(() -> new NotFound("Organization")));
    }

    @GetMapping("/Organization")
    ResponseEntity<String> organizations(HttpServletRequest request, @RequestParam(required = false) String identifier,
            @RequestParam(required = false) String name) {
        users.require();
        List<Resource> found = new ArrayList<>();
        if (identifier != null && !identifier.isBlank()) {
            String code = identifier.contains("|") ? identifier.substring(identifier.indexOf('|') + 1) : identifier;
            directory.serviceUnitByHospcode(code.strip()).map(DirectoryResources::organization).ifPresent(found::add);
        } else if (name != null && !name.isBlank()) {
            directory.searchServiceUnits(name.strip(), FhirResponses.MAX_COUNT).stream()
                    .map(DirectoryResources::organization).forEach(found::add);
        } else {
            throw new org.tonkla.platform.InvalidInput("identifier", "identifier (HOSPCODE) or name");
        }
        return FhirResponses.page(request, found);
    }

    @GetMapping("/Location/{id}")
    ResponseEntity<String> location(@PathVariable String id) {
        users.require();
        return FhirResponses.ok(directory.area(id).map(DirectoryResources::location).orElseThrow(() -> new NotFound("Location")));
    }

    @GetMapping("/Location")
    ResponseEntity<String> locations(HttpServletRequest request, @RequestParam(required = false) String partof) {
        users.require();
        String parent = partof == null ? null : partof.strip().replaceFirst("^Location/", "");
        var areas = parent == null || parent.isBlank() ? directory.areasAtLevel(org.tonkla.directory.AreaLevel.PROVINCE)
                : directory.childrenOf(parent);
        return FhirResponses.page(request, areas.stream().map(DirectoryResources::location).toList());
    }

    /** The record book of the child a resource belongs to (the change feed knows which), after the access rule. */
    private BookView book(String resourceId) {
        CurrentUser user = users.require();
        ChildId child = feed.childOf(resourceId).orElseThrow(() -> new NotFound("resource"));
        return records.view(child, user, PatientQueries.PURPOSE);
    }

    private static List<Resource> observationsOf(ChildId child, BookView book) {
        List<Resource> out = new ArrayList<>();
        book.measurements().forEach(m -> out.addAll(ClinicalResources.observations(child, m)));
        book.screenings().forEach(s -> out.add(ClinicalResources.screening(child, s)));
        return out;
    }

    private static ChildId child(String id) {
        try {
            return new ChildId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new NotFound("Patient");
        }
    }
}
