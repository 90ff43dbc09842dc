package org.tonkla.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tonkla.consent.Consents;
import org.tonkla.consent.Purpose;
import org.tonkla.identity.Users;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.FamilyConsents;

/** {@code /api/v1/children/{id}/consents}: the family's consent choices per purpose (PDPA s.20). */
@RestController
@RequestMapping("/api/v1/children/{id}/consents")
@Tag(name = "Consent", description = "The family's consent per purpose; a withdrawal takes effect on the next read")
class ConsentApi {

    private final FamilyConsents consents;
    private final Users users;

    ConsentApi(FamilyConsents consents, Users users) {
        this.consents = consents;
        this.users = users;
    }

    /** A choice: by the guardian, or by staff from the signed paper (who gave it, and the paper's photo in the file store). */
    record Choice(Purpose purpose, Boolean given, String givenBy, String evidenceSha256, String note) {}

    @GetMapping
    @Operation(summary = "The child's consent choices, newest first")
    List<Consents.Choice> history(@PathVariable UUID id) {
        return consents.history(new ChildId(id), users.require());
    }

    @PostMapping
    @Operation(summary = "Give or withdraw consent for a purpose")
    ResponseEntity<Void> record(@PathVariable UUID id, @RequestBody Choice c) {
        consents.record(new ChildId(id), c.purpose(), c.given(), c.givenBy(), c.evidenceSha256(), c.note(), users.require());
        return ResponseEntity.noContent().build();
    }
}
