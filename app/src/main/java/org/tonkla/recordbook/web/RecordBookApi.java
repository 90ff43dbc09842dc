package org.tonkla.recordbook.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
import org.tonkla.recordbook.ImplausibleMeasurement;
import org.tonkla.recordbook.Immunization;
import org.tonkla.recordbook.Measurement;
import org.tonkla.recordbook.MeasurementInput;
import org.tonkla.recordbook.RecordBook;
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
    private final Users users;

    RecordBookApi(RecordBook book, Users users) {
        this.book = book;
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
    BookJson get(@PathVariable UUID id, @RequestParam(defaultValue = "api") String purpose) {
        if (!PURPOSES.contains(purpose)) throw new InvalidRequest(List.of(error("purpose", "one of " + PURPOSES)));
        return BookJson.of(book.view(new ChildId(id), users.require(), purpose));
    }

    /** The purposes a client may declare: each is shown to the family in words (access.purpose.* in the bundles). */
    static final java.util.Set<String> PURPOSES = new java.util.TreeSet<>(
            java.util.Set.of("api", "care", "growth", "screening", "immunization", "referral", "transfer"));

    @PostMapping("/measurements")
    @Operation(summary = "Record a growth measurement", description = "Scored with the WHO standards on save. A value "
            + "outside the WHO plausible range answers 422 until it is sent again with confirmImplausible=true.")
    ResponseEntity<Measurement> measurement(@PathVariable UUID id, @RequestBody MeasurementRequest r) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (r.measuredOn() == null) errors.add(error("measuredOn", "a date (yyyy-mm-dd, CE)"));
        if (r.weightKg() == null && r.lengthCm() == null && r.headCm() == null && r.armCm() == null) {
            errors.add(error("weightKg", "at least one of weightKg, lengthCm, headCm, armCm"));
        }
        if (r.position() != null && !r.position().isBlank() && !r.position().matches("[LH]")) {
            errors.add(error("position", "L (lying) or H (standing)"));
        }
        if (!errors.isEmpty()) throw new InvalidRequest(errors);
        var saved = book.recordMeasurement(new ChildId(id), new MeasurementInput(r.measuredOn(), r.weightKg(), r.lengthCm(),
                r.position() == null || r.position().isBlank() ? null : r.position(), r.headCm(), r.armCm(),
                Boolean.TRUE.equals(r.oedema()), Boolean.TRUE.equals(r.confirmImplausible())), users.require());
        return ResponseEntity.created(URI.create("/api/v1/children/" + id + "/measurements/" + saved.id())).body(saved);
    }

    /** A corrected measurement and why; the earlier one stays, superseded by this. */
    record CorrectionRequest(MeasurementRequest measurement, String reason) {}

    @org.springframework.web.bind.annotation.PutMapping("/measurements/{measurementId}")
    @Operation(summary = "Correct a measurement", description = "Records the corrected values as a new measurement "
            + "that supersedes the old one; the old row is kept with the reason. Answers the new measurement.")
    Measurement correctMeasurement(@PathVariable UUID id, @PathVariable UUID measurementId,
            @RequestBody CorrectionRequest r) {
        if (r.reason() == null || r.reason().isBlank()) {
            throw new InvalidRequest(List.of(error("reason", "why the measurement is corrected")));
        }
        var m = r.measurement();
        if (m == null || m.measuredOn() == null) throw new InvalidRequest(List.of(error("measurement.measuredOn",
                "a date (yyyy-mm-dd, CE)")));
        return book.correctMeasurement(new ChildId(id), measurementId, new MeasurementInput(m.measuredOn(), m.weightKg(),
                m.lengthCm(), m.position() == null || m.position().isBlank() ? null : m.position(), m.headCm(), m.armCm(),
                Boolean.TRUE.equals(m.oedema()), Boolean.TRUE.equals(m.confirmImplausible())), r.reason(), users.require());
    }

    @PostMapping("/screenings")
    @Operation(summary = "Record a DSPM screening", description = "All five domains are required. The MOPH outcome code "
            + "(1B260/1B261/1B262) is derived; a screening within 30 days of a suspected delay is its re-check.")
    ResponseEntity<Screening> screening(@PathVariable UUID id, @RequestBody ScreeningRequest r) {
        var domains = domains(r);
        var saved = book.recordScreening(new ChildId(id), r.screenedOn(), domains, users.require());
        return ResponseEntity.created(URI.create("/api/v1/children/" + id + "/screenings/" + saved.id())).body(saved);
    }

    /** A corrected screening and why. */
    record ScreeningCorrection(ScreeningRequest screening, String reason) {}

    @org.springframework.web.bind.annotation.PutMapping("/screenings/{screeningId}")
    @Operation(summary = "Correct a DSPM screening", description = "Records the corrected results as a new screening "
            + "that supersedes the old one; the old row is kept with the reason.")
    Screening correctScreening(@PathVariable UUID id, @PathVariable UUID screeningId, @RequestBody ScreeningCorrection r) {
        if (r.reason() == null || r.reason().isBlank()) {
            throw new InvalidRequest(List.of(error("reason", "why the screening is corrected")));
        }
        var s = r.screening() == null ? new ScreeningRequest(null, null) : r.screening();
        var domains = domains(s);
        return book.correctScreening(new ChildId(id), screeningId, s.screenedOn(), domains, r.reason(), users.require());
    }

    /** A corrected vaccination and why. */
    record ImmunizationCorrection(ImmunizationRequest immunization, String reason) {}

    @org.springframework.web.bind.annotation.PutMapping("/immunizations/{immunizationId}")
    @Operation(summary = "Correct a vaccination", description = "Records the corrected vaccine or date as a new row "
            + "that supersedes the old one; the old row is kept with the reason.")
    Immunization correctImmunization(@PathVariable UUID id, @PathVariable UUID immunizationId,
            @RequestBody ImmunizationCorrection r) {
        if (r.reason() == null || r.reason().isBlank()) {
            throw new InvalidRequest(List.of(error("reason", "why the vaccination is corrected")));
        }
        var v = r.immunization();
        if (v == null || v.vaccineCode() == null || v.givenOn() == null) {
            throw new InvalidRequest(List.of(error("immunization", "vaccineCode and givenOn")));
        }
        return book.correctImmunization(new ChildId(id), immunizationId, v.vaccineCode(), v.givenOn(), v.lot(), r.reason(),
                users.require());
    }

    @PostMapping("/immunizations")
    @Operation(summary = "Record a vaccination", description = "The code must be in the Thai national EPI schedule "
            + "(THCC code set 198). The same code on the same day is the same dose.")
    ResponseEntity<Immunization> immunization(@PathVariable UUID id, @RequestBody ImmunizationRequest r) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (r.vaccineCode() == null || r.vaccineCode().isBlank()) errors.add(error("vaccineCode", "a THCC 198 vaccine code"));
        if (r.givenOn() == null) errors.add(error("givenOn", "a date (yyyy-mm-dd, CE)"));
        if (!errors.isEmpty()) throw new InvalidRequest(errors);
        var saved = book.recordImmunization(new ChildId(id), r.vaccineCode(), r.givenOn(), r.lot(), users.require());
        return ResponseEntity.created(URI.create("/api/v1/children/" + id + "/immunizations/" + saved.id())).body(saved);
    }

    /** The five domains of a screening request, or every missing or wrong field named. */
    private static Map<DspmDomain, ScreeningResult> domains(ScreeningRequest r) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (r.screenedOn() == null) errors.add(error("screenedOn", "a date (yyyy-mm-dd, CE)"));
        Map<DspmDomain, ScreeningResult> domains = new EnumMap<>(DspmDomain.class);
        Map<String, String> given = r.domains() == null ? Map.of() : r.domains();
        for (DspmDomain d : DspmDomain.values()) {
            String value = given.get(d.name());
            try {
                domains.put(d, ScreeningResult.valueOf(value));
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add(error("domains." + d.name(), "NORMAL, SUSPECTED_DELAY or REFER_NOW"));
            }
        }
        if (!errors.isEmpty()) throw new InvalidRequest(errors);
        return domains;
    }

    // --- errors

    /** Several fields are wrong at once; each is named with what was expected. */
    static final class InvalidRequest extends RuntimeException {
        final List<Map<String, String>> errors;

        InvalidRequest(List<Map<String, String>> errors) {
            super("invalid request");
            this.errors = errors;
        }
    }

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalid(InvalidRequest e) {
        return problem(HttpStatus.BAD_REQUEST, "Some fields are invalid", e.errors);
    }

    /** The record book names the one field it refuses (e.g. a date before birth). */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail refused(IllegalArgumentException e) {
        String field = e.getMessage() == null ? "body" : e.getMessage();
        return problem(HttpStatus.BAD_REQUEST, "Some fields are invalid", List.of(error(field, EXPECTED.getOrDefault(field,
                "a valid value"))));
    }

    @ExceptionHandler(ImplausibleMeasurement.class)
    ProblemDetail implausible(ImplausibleMeasurement e) {
        var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "The values are outside the WHO plausible range; measure "
                + "again, or send confirmImplausible=true if they are right",
                e.flags().stream().map(f -> error(f, "a z-score inside the WHO plausible range")).toList());
        problem.setProperty("flags", e.flags());
        return problem;
    }

    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("measuredOn", "a date not before the date of birth and not in the future"),
            Map.entry("screenedOn", "a date not before the date of birth and not in the future"),
            Map.entry("givenOn", "a date not before the date of birth and not in the future"),
            Map.entry("weightKg", "kg, above 0 and below 200"),
            Map.entry("lengthCm", "cm, from 30 to 250"),
            Map.entry("headCm", "cm, from 20 to 70"),
            Map.entry("armCm", "cm, from 5 to 40"),
            Map.entry("vaccineCode", "a vaccine code of the Thai national EPI schedule (THCC 198), e.g. 010 for BCG"),
            Map.entry("childId", "an existing child"),
            Map.entry("measurementId", "a current measurement of this child"),
            Map.entry("screeningId", "a current screening of this child"),
            Map.entry("immunizationId", "a current vaccination of this child"));

    private static Map<String, String> error(String field, String expected) {
        return Map.of("field", field, "expected", expected);
    }

    private static ProblemDetail problem(HttpStatus status, String detail, List<Map<String, String>> errors) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
