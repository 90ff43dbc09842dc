package org.tonkla.consent.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tonkla.consent.AgreementAdmin;
import org.tonkla.consent.BreakGlass;
import org.tonkla.identity.Role;
import org.tonkla.identity.Users;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Refused;

/**
 * {@code /api/v1/agreements}: the MOU's data-sharing agreements (administrators); {@code /api/v1/break-glass}:
 * emergency openings waiting for review (supervisors and administrators).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Agreements", description = "Data-sharing agreements between agencies; emergency openings and their review")
class AgreementApi {

    private final AgreementAdmin agreements;
    private final BreakGlass breakGlass;
    private final Users users;

    AgreementApi(AgreementAdmin agreements, BreakGlass breakGlass, Users users) {
        this.agreements = agreements;
        this.breakGlass = breakGlass;
        this.users = users;
    }

    /** A new status, as of the revision read. */
    record StatusChange(AgreementAdmin.Status status, Integer revision) {}

    /** An amendment, as of the revision read. */
    record Amendment(AgreementAdmin.Draft agreement, Integer revision) {}

    /** A reviewer's decision on an emergency opening. */
    record Review(BreakGlass.Status decision, Integer revision, String note) {}

    @GetMapping("/agreements")
    @Operation(summary = "All agreements (administrators)")
    List<AgreementAdmin.Agreement> list() {
        requireAdmin();
        return agreements.list();
    }

    @GetMapping("/agreements/{id}")
    @Operation(summary = "One agreement (administrators)")
    AgreementAdmin.Agreement one(@PathVariable UUID id) {
        requireAdmin();
        return agreements.find(id).orElseThrow(() -> new NotFound("agreement"));
    }

    @PostMapping("/agreements")
    @Operation(summary = "Draft an agreement", description = "Stored as DRAFT; it takes effect when its status becomes ACTIVE.")
    ResponseEntity<Map<String, Object>> draft(@RequestBody AgreementAdmin.Draft d) {
        requireAdmin();
        UUID id = agreements.draft(d, users.require());
        return ResponseEntity.created(URI.create("/api/v1/agreements/" + id)).body(Map.of("id", id));
    }

    @PutMapping("/agreements/{id}")
    @Operation(summary = "Amend an agreement", description = "409 when it changed since the given revision, or has expired.")
    ResponseEntity<Void> amend(@PathVariable UUID id, @RequestBody Amendment a) {
        requireAdmin();
        if (a.agreement() == null) throw new InvalidInput("agreement", "the agreement as amended");
        if (a.revision() == null) throw new InvalidInput("revision", "the revision the agreement was read at");
        agreements.amend(id, a.revision(), a.agreement(), users.require());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/agreements/{id}/status")
    @Operation(summary = "Activate or expire an agreement", description = "DRAFT → ACTIVE, or → EXPIRED (from today).")
    ResponseEntity<Void> status(@PathVariable UUID id, @RequestBody StatusChange c) {
        requireAdmin();
        if (c.status() == null) throw new InvalidInput("status", "ACTIVE or EXPIRED");
        if (c.revision() == null) throw new InvalidInput("revision", "the revision the agreement was read at");
        agreements.changeStatus(id, c.revision(), c.status(), users.require());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/break-glass")
    @Operation(summary = "Emergency openings to review", description = "Administrators see all; provincial officers those "
            + "of their agency. No child data beyond the id.")
    List<BreakGlass.Opening> openings() {
        return breakGlass.forReview(users.require(), false);
    }

    @PostMapping("/break-glass/{id}/review")
    @Operation(summary = "Accept or escalate an emergency opening", description = "409 when someone reviewed it first.")
    ResponseEntity<Void> review(@PathVariable UUID id, @RequestBody Review r) {
        if (r.revision() == null) throw new InvalidInput("revision", "the revision the opening was read at");
        breakGlass.review(id, r.revision(), r.decision(), r.note(), users.require());
        return ResponseEntity.noContent().build();
    }

    private void requireAdmin() {
        if (!users.require().is(Role.ADMINISTRATOR)) throw new Refused("Administrators manage agreements");
    }
}
