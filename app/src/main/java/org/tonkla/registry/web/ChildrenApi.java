package org.tonkla.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
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
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Users;
import org.tonkla.platform.InvalidInput;
import org.tonkla.registry.Child;
import org.tonkla.registry.ChildSearch;
import org.tonkla.registry.DuplicateCandidates;
import org.tonkla.registry.EnrolmentKind;
import org.tonkla.registry.JoinRequests;
import org.tonkla.registry.NewChild;
import org.tonkla.registry.Registration;
import org.tonkla.registry.Sex;

/**
 * {@code GET /api/v1/children?q=…} or {@code ?unit=ID}: children in the caller's scope;
 * {@code POST /api/v1/children}: register one; {@code /api/v1/join-requests}: requests for children
 * registered elsewhere. The record book of one child is {@code GET /api/v1/children/{id}} (record-book module).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Children", description = "Registration, search and rosters; join requests for children registered elsewhere")
class ChildrenApi {

    private final Registration registration;
    private final ChildSearch search;
    private final JoinRequests joins;
    private final Users users;

    ChildrenApi(Registration registration, ChildSearch search, JoinRequests joins, Users users) {
        this.registration = registration;
        this.search = search;
        this.joins = joins;
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
    record RegistrationBody(String givenNameTh, String familyNameTh, String givenNameEn, String familyNameEn, Sex sex,
            LocalDate dateOfBirth, String nationalId, String gCode, String noIdentifierReason, UUID unitId,
            EnrolmentKind enrolmentKind, String className, LocalDate enrolledOn, String subdistrictCode, String houseNo,
            Double latitude, Double longitude, Boolean confirmedNew) {

        @Override
        public String toString() { // never the national ID or the name in a log line
            return "RegistrationBody[born " + dateOfBirth + ", unit " + unitId + "]";
        }
    }

    /** A decision on a join request, as of the revision the decider saw. */
    record Decision(Boolean approve, Integer revision, String note) {}

    @GetMapping("/children")
    @Operation(summary = "Children in the caller's scope",
            description = "By name, national ID or G-code (q), or a unit's roster (unit). Identifiers are masked; every "
                    + "child listed is written to the access log. Searches by identifier count against an hourly quota (429).")
    List<ChildSummary> search(@RequestParam(required = false) String q, @RequestParam(required = false) UUID unit,
            @RequestParam(defaultValue = "50") int limit) {
        var user = users.require();
        if (unit != null) {
            return search.roster(unit, null, user, "roster").stream().map(e -> ChildSummary.of(e.child(), e.className()))
                    .toList();
        }
        return search.search(user, q, limit).stream().map(c -> ChildSummary.of(c, null)).toList();
    }

    @PostMapping("/children")
    @Operation(summary = "Register a child",
            description = "201 with the new child's id. An identifier already registered at another unit answers 202 with "
                    + "a join request for that unit (or the guardian) to decide, whether or not the date of birth and sex "
                    + "match; 200 when the child is already at this unit; 409 with candidates the caller may see when a "
                    + "similar name has the same birthday, unless confirmedNew.")
    ResponseEntity<Map<String, Object>> register(@RequestBody RegistrationBody r) {
        var user = users.require();
        UUID unit = r.unitId() != null ? r.unitId()
                : user.scope().unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
        if (unit == null) throw new InvalidInput("unitId", "the service unit that registers the child");
        var outcome = registration.register(new NewChild(r.givenNameTh(), r.familyNameTh(), r.givenNameEn(),
                r.familyNameEn(), r.sex(), r.dateOfBirth(), null, r.nationalId(), r.gCode(), r.noIdentifierReason(), unit,
                r.enrolmentKind(), r.className(), r.enrolledOn(), r.subdistrictCode(), r.houseNo(), r.latitude(),
                r.longitude(), Boolean.TRUE.equals(r.confirmedNew())), user);
        return switch (outcome) {
            case Registration.Created c ->
                    ResponseEntity.created(URI.create("/api/v1/children/" + c.child())).body(Map.<String, Object>of("id", c.child().value()));
            case Registration.AlreadyHere h -> ResponseEntity.ok(Map.<String, Object>of("id", h.child().value()));
            case Registration.JoinRequested j -> ResponseEntity.accepted()
                    .location(URI.create("/api/v1/join-requests/" + j.request()))
                    .body(Map.<String, Object>of("joinRequest", j.request(), "status", "PENDING"));
        };
    }

    @GetMapping("/join-requests")
    @Operation(summary = "Join requests of a unit",
            description = "direction=incoming (default): pending requests for children at the unit, for its recorders to "
                    + "decide; the guardian sees those for their own children. direction=outgoing: the unit's own requests "
                    + "and their decisions, without any child data.")
    List<?> joinRequests(@RequestParam(required = false) UUID unit,
            @RequestParam(defaultValue = "incoming") String direction) {
        var user = users.require();
        UUID unitId = unit != null ? unit : user.scope().unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
        if ("outgoing".equals(direction)) {
            if (unitId == null) throw new InvalidInput("unit", "the service unit whose requests to list");
            return joins.outgoing(unitId, user);
        }
        if (!"incoming".equals(direction)) throw new InvalidInput("direction", "incoming or outgoing");
        return joins.incoming(unitId, user).stream().map(r -> Map.of("id", r.id(), "child", ChildSummary.of(r.child(), null),
                "requestingUnitId", r.requestingUnitId(), "kind", r.kind(), "detailsMatch", r.detailsMatch(),
                "requestedAt", r.requestedAt(), "revision", r.revision())).toList();
    }

    @GetMapping("/join-requests/{id}")
    @Operation(summary = "One of the caller's unit's requests", description = "Its status and the name the unit typed; "
            + "nothing of the child as registered. 403 for any other unit's request.")
    JoinRequests.Outgoing joinRequest(@PathVariable UUID id) {
        return joins.ownRequest(id, users.require());
    }

    @PostMapping("/join-requests/{id}/decision")
    @Operation(summary = "Approve or decline a join request",
            description = "By a recorder who may write to the child, or its guardian. 409 when someone decided it since "
                    + "the given revision, or the child is still enrolled where it cannot leave.")
    ResponseEntity<Void> decide(@PathVariable UUID id, @RequestBody Decision d) {
        if (d.approve() == null) throw new InvalidInput("approve", "true or false");
        if (d.revision() == null) throw new InvalidInput("revision", "the revision the request was read at");
        joins.decide(id, d.revision(), d.approve(), d.note(), users.require());
        return ResponseEntity.noContent().build();
    }
}
