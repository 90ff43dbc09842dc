package org.tonkla.registry;

import java.util.List;

/** Thrown when children with a similar name and the same date of birth exist: show them before creating. */
public class DuplicateCandidates extends RuntimeException {

    private final transient List<Child> candidates;

    public DuplicateCandidates(List<Child> candidates) {
        super(candidates.size() + " similar children");
        this.candidates = List.copyOf(candidates);
    }

    public List<Child> candidates() {
        return candidates;
    }
}
