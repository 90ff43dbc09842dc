package org.tonkla.registry;

import java.util.List;

/**
 * Thrown when children with a similar name and the same date of birth exist: show them before
 * creating. Only children the user may already see are named; the others are only counted, so the
 * form cannot be used to find out who is registered elsewhere.
 *
 * @param elsewhere similar children outside the user's scope (give their national ID to join them)
 */
public class DuplicateCandidates extends RuntimeException {

    private final transient List<Child> candidates;
    private final int elsewhere;

    public DuplicateCandidates(List<Child> candidates, int elsewhere) {
        super(candidates.size() + elsewhere + " similar children");
        this.candidates = List.copyOf(candidates);
        this.elsewhere = elsewhere;
    }

    public List<Child> candidates() {
        return candidates;
    }

    public int elsewhere() {
        return elsewhere;
    }
}
