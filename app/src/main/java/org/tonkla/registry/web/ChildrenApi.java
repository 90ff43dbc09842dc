package org.tonkla.registry.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Users;
import org.tonkla.registry.Child;
import org.tonkla.registry.ChildRegistry;
import org.tonkla.registry.DuplicateCandidates;
import org.tonkla.registry.EnrolmentKind;
import org.tonkla.registry.NewChild;
import org.tonkla.registry.Sex;

/**
 * {@code GET /api/v1/children?q=…} or {@code ?unit=ID}: children in the caller's scope;
 * {@code POST /api/v1/children}: register one. The record book of one child is
 * {@code GET /api/v1/children/{id}} (record-book module).
 */
@RestController
@RequestMapping("/api/v1/children")
class ChildrenApi {

    private final ChildRegistry registry;
    private final Users users;

    ChildrenApi(ChildRegistry registry, Users users) {
        this.registry = registry;
        this.users = users;
    }

    /** A child in a list: identifiers masked. */
    record ChildSummary(UUID id, String givenNameTh, String familyNameTh, String givenNameEn, String familyNameEn,
            Sex sex, LocalDate dateOfBirth, String identifier, String provinceCode, String className) {

        static ChildSummary of(Child c, String className) {
            return new ChildSummary(c.id().value(), c.givenNameTh(), c.familyNameTh(), c.givenNameEn(), c.familyNameEn(),
                    c.sex(), c.dateOfBirth(), c.maskedIdentifier(), c.provinceCode(), className);
        }
    }

    /** The registration body; exactly one of nationalId, gCode, noIdentifierReason. */
    record Registration(String givenNameTh, String familyNameTh, String givenNameEn, String familyNameEn, Sex sex,
            LocalDate dateOfBirth, String nationalId, String gCode, String noIdentifierReason, UUID unitId,
            EnrolmentKind enrolmentKind, String className, LocalDate enrolledOn, String subdistrictCode, String houseNo,
            Double latitude, Double longitude, Boolean confirmedNew) {

        @Override
        public String toString() { // never the national ID or the name in a log line
            return "Registration[born " + dateOfBirth + ", unit " + unitId + "]";
        }
    }

    @GetMapping
    List<ChildSummary> search(@RequestParam(required = false) String q, @RequestParam(required = false) UUID unit,
            @RequestParam(defaultValue = "50") int limit) {
        var user = users.require();
        if (unit != null) {
            return registry.roster(unit, null, user, "roster").stream().map(e -> ChildSummary.of(e.child(), e.className()))
                    .toList();
        }
        return registry.search(user, q, Math.min(limit, 200)).stream().map(c -> ChildSummary.of(c, null)).toList();
    }

    @PostMapping
    ResponseEntity<?> register(@RequestBody Registration r) {
        var user = users.require();
        UUID unit = r.unitId() != null ? r.unitId()
                : user.scope().unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
        if (unit == null) throw new IllegalArgumentException("unitId: expected the service unit that registers the child");
        var id = registry.register(new NewChild(r.givenNameTh(), r.familyNameTh(), r.givenNameEn(), r.familyNameEn(),
                r.sex(), r.dateOfBirth(), null, r.nationalId(), r.gCode(), r.noIdentifierReason(), unit, r.enrolmentKind(),
                r.className(), r.enrolledOn(), r.subdistrictCode(), r.houseNo(), r.latitude(), r.longitude(),
                Boolean.TRUE.equals(r.confirmedNew())), user);
        return ResponseEntity.created(URI.create("/api/v1/children/" + id)).body(java.util.Map.of("id", id.value()));
    }

    @ExceptionHandler(DuplicateCandidates.class)
    ProblemDetail duplicates(DuplicateCandidates e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Children with a similar name and the same date of birth exist; send confirmedNew=true if this one is new");
        problem.setProperty("candidates", e.candidates().stream().map(c -> ChildSummary.of(c, null)).toList());
        problem.setProperty("elsewhere", e.elsewhere());
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        String field = e.getMessage() == null ? "body" : e.getMessage().split(":")[0];
        String expected = switch (field) {
            case "nationalId" -> "13 digits with a valid check digit (THAI-RULES §4)";
            case "gCode" -> "G followed by 12 digits";
            case "identifier" -> "exactly one of nationalId, gCode or noIdentifierReason";
            case "dateOfBirth" -> "a date (yyyy-mm-dd, CE) not in the future";
            case "givenNameTh", "familyNameTh" -> "a Thai name";
            case "sex" -> "M or F";
            case "unitId" -> "the service unit that registers the child";
            case "subdistrictCode" -> "a DOPA subdistrict code of 6 digits";
            case "identifier.mismatch" -> "the date of birth and sex registered with this identifier";
            case "latitude" -> "latitude (-90..90) and longitude (-180..180), both or neither";
            default -> "a valid value";
        };
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": expected " + expected);
        problem.setProperty("errors", List.of(java.util.Map.of("field", field, "expected", expected)));
        return problem;
    }
}
