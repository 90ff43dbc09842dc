package org.tonkla.recordbook.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tonkla.core.development.DspmDomain;
import org.tonkla.core.development.ScreeningResult;
import org.tonkla.identity.Users;
import org.tonkla.recordbook.Immunization;
import org.tonkla.recordbook.Measurement;
import org.tonkla.recordbook.MeasurementInput;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.Validation;
import org.tonkla.recordbook.Growth;
import org.tonkla.recordbook.Immunizations;
import org.tonkla.recordbook.RecordBook;
import org.tonkla.recordbook.Screenings;
import org.tonkla.recordbook.Screening;
import org.tonkla.registry.ChildId;

/**
 * The record book over JSON: {@code GET /api/v1/children/{id}} reads it (scope-checked, logged
 * with the purpose the client gives), the {@code POST} endpoints add measurements, screenings and
 * vaccinations. Bad input answers problem+json with an {@code errors} list naming each field.
 */
@RestController
@RequestMapping("/api/v1/children/{id}")
@Tag(name = "Record book", description = "A child's digital record book: growth, development, vaccinations")
class RecordBookApi {

    private final RecordBook book;
    private final Growth growth;
    private final Screenings screenings;
    private final Immunizations immunizations;
    private final Users users;

    RecordBookApi(RecordBook book, Growth growth, Screenings screenings, Immunizations immunizations, Users users) {
        this.book = book;
        this.growth = growth;
        this.screenings = screenings;
        this.immunizations = immunizations;
        this.users = users;
    }

    /** A measurement as posted; position {@code L} lying or {@code H} standing, blank for the WHO default by age. */
    record MeasurementRequest(LocalDate measuredOn, Double weightKg, Double lengthCm, String position, Double headCm,
            Double armCm, Boolean oedema, Boolean confirmImplausible) {}

    /** A DSPM screening: each of GM, FM, RL, EL, PS is NORMAL, SUSPECTED_DELAY or REFER_NOW. */
    record ScreeningRequest(LocalDate screenedOn, Map<String, String> domains) {}

    /** A vaccination: {@code vaccineCode} is the THCC 198 code of the MOPH EPI file, e.g. {@code 061} for MMR1. */
    record ImmunizationRequest(String vaccineCode, LocalDate givenOn, String lot) {}

    @GetMapping
    @Operation(summary = "The child's record book",
            description = "Identity (national ID masked unless the role needs it), guardians, enrolments, growth with WHO "
                    + "z-scores, DSPM screenings, vaccine card, health notes, needs. The read is written to the access log.")
    BookJson get(@PathVariable UUID id, @RequestParam(defaultValue = "api") String purpose,
            @RequestParam(required = false) java.util.Set<org.tonkla.consent.DataCategory> categories) {
        if (!PURPOSES.contains(purpose)) throw new InvalidInput("purpose", "one of " + PURPOSES);
        var view = book.view(new ChildId(id), users.require(), purpose);
        // Asking for a category the agreements do not release is refused by name, not answered with a gap.
        if (categories != null && categories.stream().anyMatch(view.withheld()::contains)) {
            throw new org.tonkla.platform.Refused("agreement.refused", view.withheldBecause());
        }
        return BookJson.of(view);
    }

    /** Why the record must be opened although it is outside the caller's scope or agreements. */
    record EmergencyRequest(String reason) {}

    @PostMapping("/break-glass")
    @Operation(summary = "Open the record in an emergency",
            description = "Outside scope and agreements, with a reason of 10–500 characters. The read is marked in the "
                    + "family's access log and waits on the review list of the caller's supervisors (GET /api/v1/break-glass).")
    BookJson breakGlass(@PathVariable UUID id, @RequestBody EmergencyRequest r) {
        return BookJson.of(book.viewInEmergency(new ChildId(id), users.require(), r == null ? null : r.reason()));
    }

    /** The purposes a client may declare: each is shown to the family in words (access.purpose.* in the bundles). */
    static final java.util.Set<String> PURPOSES = new java.util.TreeSet<>(
            java.util.Set.of("api", "care", "growth", "screening", "immunization", "referral", "transfer", "monitoring",
                    "planning", "research", "protection"));

    @PostMapping("/measurements")
    @Operation(summary = "Record a growth measurement", description = "Scored with the WHO standards on save. A value "
            + "outside the WHO plausible range answers 422 until it is sent again with confirmImplausible=true.")
    ResponseEntity<Measurement> measurement(@PathVariable UUID id, @RequestBody MeasurementRequest r) {
        var saved = growth.record(new ChildId(id), input(r), users.require());
        return ResponseEntity.created(URI.create("/api/v1/children/" + id + "/measurements/" + saved.id())).body(saved);
    }

    private static MeasurementInput input(MeasurementRequest m) {
        if (m == null) throw new InvalidInput("measurement", "a measurement");
        return new MeasurementInput(m.measuredOn(), m.weightKg(), m.lengthCm(),
                m.position() == null || m.position().isBlank() ? null : m.position(), m.headCm(), m.armCm(),
                Boolean.TRUE.equals(m.oedema()), Boolean.TRUE.equals(m.confirmImplausible()));
    }

    /** A corrected measurement and why; the earlier one stays, superseded by this. */
    record CorrectionRequest(MeasurementRequest measurement, String reason) {}

    @org.springframework.web.bind.annotation.PutMapping("/measurements/{measurementId}")
    @Operation(summary = "Correct a measurement", description = "Records the corrected values as a new measurement "
            + "that supersedes the old one; the old row is kept with the reason. Answers the new measurement.")
    Measurement correctMeasurement(@PathVariable UUID id, @PathVariable UUID measurementId,
            @RequestBody CorrectionRequest r) {
        return growth.correct(new ChildId(id), measurementId, input(r.measurement()), r.reason(), users.require());
    }

    @PostMapping("/screenings")
    @Operation(summary = "Record a DSPM screening", description = "All five domains are required. The MOPH outcome code "
            + "(1B260/1B261/1B262) is derived; a screening within 30 days of a suspected delay is its re-check.")
    ResponseEntity<Screening> screening(@PathVariable UUID id, @RequestBody ScreeningRequest r) {
        var domains = domains(r);
        var saved = screenings.record(new ChildId(id), r.screenedOn(), domains, users.require());
        return ResponseEntity.created(URI.create("/api/v1/children/" + id + "/screenings/" + saved.id())).body(saved);
    }

    /** A corrected screening and why. */
    record ScreeningCorrection(ScreeningRequest screening, String reason) {}

    @org.springframework.web.bind.annotation.PutMapping("/screenings/{screeningId}")
    @Operation(summary = "Correct a DSPM screening", description = "Records the corrected results as a new screening "
            + "that supersedes the old one; the old row is kept with the reason.")
    Screening correctScreening(@PathVariable UUID id, @PathVariable UUID screeningId, @RequestBody ScreeningCorrection r) {
        var s = r.screening() == null ? new ScreeningRequest(null, null) : r.screening();
        return screenings.correct(new ChildId(id), screeningId, s.screenedOn(), domains(s), r.reason(), users.require());
    }

    /** A corrected vaccination and why. */
    record ImmunizationCorrection(ImmunizationRequest immunization, String reason) {}

    @org.springframework.web.bind.annotation.PutMapping("/immunizations/{immunizationId}")
    @Operation(summary = "Correct a vaccination", description = "Records the corrected vaccine or date as a new row "
            + "that supersedes the old one; the old row is kept with the reason.")
    Immunization correctImmunization(@PathVariable UUID id, @PathVariable UUID immunizationId,
            @RequestBody ImmunizationCorrection r) {
        var v = r.immunization() == null ? new ImmunizationRequest(null, null, null) : r.immunization();
        return immunizations.correct(new ChildId(id), immunizationId, v.vaccineCode(), v.givenOn(), v.lot(), r.reason(),
                users.require());
    }

    @PostMapping("/immunizations")
    @Operation(summary = "Record a vaccination", description = "The code must be in the Thai national EPI schedule "
            + "(THCC code set 198). The same code on the same day is the same dose.")
    ResponseEntity<Immunization> immunization(@PathVariable UUID id, @RequestBody ImmunizationRequest r) {
        var saved = immunizations.record(new ChildId(id), r.vaccineCode(), r.givenOn(), r.lot(), users.require());
        return ResponseEntity.created(URI.create("/api/v1/children/" + id + "/immunizations/" + saved.id())).body(saved);
    }

    /** The five domains of a screening request, or every missing or wrong field named. */
    private static Map<DspmDomain, ScreeningResult> domains(ScreeningRequest r) {
        var v = new Validation().check(r.screenedOn() != null, "screenedOn", "a date (yyyy-mm-dd, CE)");
        Map<DspmDomain, ScreeningResult> domains = new EnumMap<>(DspmDomain.class);
        Map<String, String> given = r.domains() == null ? Map.of() : r.domains();
        for (DspmDomain d : DspmDomain.values()) {
            String value = given.get(d.name());
            var result = java.util.Arrays.stream(ScreeningResult.values()).filter(x -> x.name().equals(value)).findFirst();
            v.check(result.isPresent(), "domains." + d.name(), "NORMAL, SUSPECTED_DELAY or REFER_NOW");
            result.ifPresent(x -> domains.put(d, x));
        }
        v.throwIfInvalid();
        return domains;
    }
}
