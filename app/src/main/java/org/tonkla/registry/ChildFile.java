package org.tonkla.registry;

import java.util.List;
import java.util.Optional;
import org.tonkla.consent.DataCategory;
import org.tonkla.consent.Release;

/**
 * A child's file as one user may see it: handed out only by {@link ChildAccess#open}, after the
 * access rule and with the access logged. Its constructor is the registry's own, so a method that
 * takes a {@code ChildFile} needs no access check of its own: holding one is the proof.
 *
 * @see ChildAccess
 */
public final class ChildFile {

    private final Child child;
    private final List<Guardian> guardians;
    private final List<Enrolment> enrolments;
    private final Optional<String> fullIdentifier;
    private final Release release;

    ChildFile(Child child, List<Guardian> guardians, List<Enrolment> enrolments, Optional<String> fullIdentifier,
            Release release) {
        this.child = child;
        this.guardians = List.copyOf(guardians);
        this.enrolments = List.copyOf(enrolments);
        this.fullIdentifier = fullIdentifier;
        this.release = release;
    }

    /** What this user may see of the child for the purpose it was opened with (the MOU's agreements). */
    public Release release() {
        return release;
    }

    /** Whether the file's release covers {@code category}. */
    public boolean shows(DataCategory category) {
        return release.allows(category);
    }

    public Child child() {
        return child;
    }

    public List<Guardian> guardians() {
        return guardians;
    }

    public List<Enrolment> enrolments() {
        return enrolments;
    }

    /** The national ID in full (formatted), only for roles that work with the child in person. */
    public Optional<String> fullIdentifier() {
        return fullIdentifier;
    }

    @Override
    public String toString() {
        return "ChildFile[" + child.id() + "]";
    }
}
