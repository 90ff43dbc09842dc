package org.tonkla.registry;

import java.util.List;
import org.tonkla.platform.Conflict;

/**
 * Thrown when children with a similar name and the same date of birth exist among those the user may
 * already see: show them before creating. Children outside the user's reach are neither named nor
 * counted, so the form cannot be used to find out who is registered elsewhere; the candidates shown
 * are in the families' access logs.
 */
public class DuplicateCandidates extends Conflict {

    private final transient List<Child> candidates;

    public DuplicateCandidates(List<Child> candidates) {
        super("registry.error.duplicates",
                "Children with a similar name and the same date of birth exist; send confirmedNew=true if this one is new");
        this.candidates = List.copyOf(candidates);
        // In the problem+json body: what the list pages show of a child, identifiers masked.
        with("candidates", this.candidates.stream().map(c -> {
            var m = new java.util.LinkedHashMap<String, Object>();
            m.put("id", c.id().value());
            m.put("givenNameTh", c.givenNameTh());
            m.put("familyNameTh", c.familyNameTh());
            m.put("sex", c.sex());
            m.put("dateOfBirth", c.dateOfBirth());
            m.put("identifier", c.maskedIdentifier());
            m.put("provinceCode", c.provinceCode());
            return m;
        }).toList());
    }

    public List<Child> candidates() {
        return candidates;
    }
}
