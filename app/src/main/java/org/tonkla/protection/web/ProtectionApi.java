package org.tonkla.protection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tonkla.identity.Users;
import org.tonkla.protection.Concern;
import org.tonkla.protection.Concerns;
import org.tonkla.protection.ProtectionScreenings;
import org.tonkla.protection.RiskLevel;
import org.tonkla.protection.RiskRule;
import org.tonkla.protection.RiskRules;
import org.tonkla.registry.ChildId;

/**
 * {@code /api/v1/protection}: the protection risk screening (its rule per province, recording one for a child) and
 * protection concerns. A concern is 404 for everyone but its workers and its reporter (status only).
 */
@RestController
@RequestMapping("/api/v1/protection")
@Tag(name = "Child protection", description = "Protection risk screening and protection concerns (Child Protection Act B.E. 2546)")
class ProtectionApi {

    /** Body of a screening. */
    record ScreeningBody(Set<String> items, String reason, String livingArrangement) {}

    /** The answer to a screening. */
    record ScreeningAnswer(RiskLevel level, int score, List<String> causes, UUID concernId) {}

    /** Body of a status change. */
    record StatusBody(Concern.Status status, Integer revision) {}

    /** Body of the release of the views to the family. */
    record ReasonBody(String reason) {}

    /** A concern as its workers see it (the reporter gets {@code status} only). */
    record ConcernJson(Concern.StatusOnly status, Detail detail) {}

    record Detail(UUID childId, String childName, LocalDate dateOfBirth, String provinceCode, String districtCode,
            UUID officeUnitId, String reason, List<String> causes, int score, Instant logReleasedAt, int revision,
            boolean mayRelease) {}

    /** The user's concerns: those they work on (no names: open one to see whom it is about) and those they reported. */
    record ListJson(List<Concern.StatusOnly> working, List<Concern.StatusOnly> reported) {}

    private final RiskRules rules;
    private final ProtectionScreenings screenings;
    private final Concerns concerns;
    private final Users users;

    ProtectionApi(RiskRules rules, ProtectionScreenings screenings, Concerns concerns, Users users) {
        this.rules = rules;
        this.screenings = screenings;
        this.concerns = concerns;
        this.users = users;
    }

    @GetMapping("/rules/{code}")
    @Operation(summary = "The screening rule in force for a province (or TH, the national default)",
            description = "Administrators and the province's officers; provinceCode TH in the answer means the province"
                    + " follows the national default")
    RiskRule rule(@PathVariable String code) {
        return rules.forEditing(code, users.require());
    }

    @PostMapping("/rules/{code}")
    @Operation(summary = "Set a province's own rule (or the national default)",
            description = "400 names weights.<item>, mediumAt or highAt; 409 when the revision is not the one in force")
    RiskRule saveRule(@PathVariable String code, @RequestBody RiskRules.RuleInput body) {
        return rules.save(code, body, users.require());
    }

    @PostMapping("/children/{childId}/screenings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a protection screening of a child the caller may write to",
            description = "A HIGH result opens a protection concern (reason required, 400 names it) routed to the"
                    + " province's social development office and the district child-protection subcommittee")
    ScreeningAnswer screen(@PathVariable UUID childId, @RequestBody ScreeningBody body) {
        var o = screenings.record(new ChildId(childId), new ProtectionScreenings.ScreeningInput(body.items(), body.reason(),
                body.livingArrangement()),
                users.require());
        return new ScreeningAnswer(o.result().level(), o.result().score(), o.result().causes(), o.concernId());
    }

    @GetMapping("/concerns")
    @Operation(summary = "The concerns the caller works on and those they reported (status only)")
    ListJson list() {
        var l = concerns.list(users.require());
        return new ListJson(l.working().stream().map(Concern::statusOnly).toList(), l.reported());
    }

    @GetMapping("/concerns/{id}")
    @Operation(summary = "One concern: the detail for its workers, the status for its reporter; 404 for anyone else",
            description = "Every view is in the access log for protection, withheld from the family until released")
    ConcernJson get(@PathVariable UUID id) {
        var v = concerns.view(id, users.require());
        if (v.detail() == null) return new ConcernJson(v.status(), null);
        var d = v.detail();
        var c = d.concern();
        var child = d.child().child();
        return new ConcernJson(v.status(), new Detail(c.childId(), child.fullNameTh(), child.dateOfBirth(),
                c.provinceCode(), c.districtCode(), c.officeUnitId(), c.reason(), d.causes(), d.score(),
                c.logReleasedAt(), c.revision(), d.mayRelease()));
    }

    @PostMapping("/concerns/{id}/status")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Move a concern on (the social development office's workers)", description = "409 on a stale revision")
    void status(@PathVariable UUID id, @RequestBody StatusBody body) {
        concerns.changeStatus(id, body.status(), body.revision() == null ? -1 : body.revision(), users.require());
    }

    @PostMapping("/concerns/{id}/release")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Let the family see the protection views in its access log (audited, with a reason)",
            description = "The office's workers decide when it is safe; 409 when already released")
    void release(@PathVariable UUID id, @RequestBody ReasonBody body) {
        concerns.releaseLog(id, body.reason(), users.require());
    }
}
