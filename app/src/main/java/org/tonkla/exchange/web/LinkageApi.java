package org.tonkla.exchange.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tonkla.exchange.RecordLinkage;
import org.tonkla.identity.Users;
import org.tonkla.platform.InvalidInput;

/**
 * Record linkage: {@code GET /api/v1/linkage/reviews} the pairs waiting for the caller (both children within
 * reach), {@code GET …/merged} the merged ones, {@code POST …/{id}/merge|reject|unmerge} with the pair's
 * {@code revision} (and for unmerging a {@code reason}). Children are shown as the list pages show them.
 */
@RestController
@RequestMapping("/api/v1/linkage")
class LinkageApi {

    record Decision(Integer revision, String reason) {}

    private final RecordLinkage linkage;
    private final Users users;

    LinkageApi(RecordLinkage linkage, Users users) {
        this.linkage = linkage;
        this.users = users;
    }

    @GetMapping("/reviews")
    List<Map<String, Object>> reviews() {
        return linkage.reviews(users.require(), 100).stream().map(LinkageApi::json).toList();
    }

    @GetMapping("/merged")
    List<Map<String, Object>> merged() {
        return linkage.merged(users.require(), 100).stream().map(LinkageApi::json).toList();
    }

    /** Administrators: compare every record without a national ID with the registry again (counts only). */
    @PostMapping("/scan")
    RecordLinkage.ScanResult scan() {
        var user = users.require();
        if (!user.is(org.tonkla.identity.Role.ADMINISTRATOR)) {
            throw new org.tonkla.platform.Refused("exchange.linkage.administratorsOnly", "only administrators run the scan");
        }
        return linkage.scanUnidentified("scan:" + user.username());
    }

    @PostMapping("/{id}/merge")
    void merge(@PathVariable UUID id, @RequestBody(required = false) Decision d) {
        linkage.merge(id, revision(d), users.require());
    }

    @PostMapping("/{id}/reject")
    void reject(@PathVariable UUID id, @RequestBody(required = false) Decision d) {
        linkage.reject(id, revision(d), users.require());
    }

    @PostMapping("/{id}/unmerge")
    void unmerge(@PathVariable UUID id, @RequestBody(required = false) Decision d) {
        var user = users.require();
        int revision = revision(d);
        if (d.reason() == null || d.reason().isBlank() || d.reason().length() > 500) {
            throw new InvalidInput("reason", "why the records are two children (1–500 characters)");
        }
        linkage.unmerge(id, revision, user, d.reason().strip());
    }

    private static int revision(Decision d) {
        if (d == null || d.revision() == null) throw new InvalidInput("revision", "the pair's revision as shown");
        return d.revision();
    }

    static Map<String, Object> json(RecordLinkage.Pair p) {
        return Map.of("id", p.id(), "kept", child(p.kept()), "duplicate", child(p.duplicate()), "score", p.score(),
                "evidence", p.evidence(), "status", p.status(), "revision", p.revision());
    }

    private static Map<String, Object> child(org.tonkla.registry.Child c) {
        return Map.of("id", c.id().value(), "givenNameTh", c.givenNameTh(), "familyNameTh", c.familyNameTh(),
                "sex", c.sex(), "dateOfBirth", c.dateOfBirth(), "identifier", c.maskedIdentifier() == null ? "" : c.maskedIdentifier(),
                "provinceCode", c.provinceCode());
    }
}
