package org.tonkla.registry;

/**
 * A child on a unit's current roster with the class it is in. Handed out only by {@link ChildSearch}
 * after the unit's scope check and with the listing logged, so holding one is the proof that the user
 * may see this child (the record book attaches measurements to rosters on that basis).
 */
public final class RosterEntry {

    private final Child child;
    private final String className;

    RosterEntry(Child child, String className) {
        this.child = child;
        this.className = className;
    }

    public Child child() {
        return child;
    }

    public String className() {
        return className;
    }

    @Override
    public String toString() {
        return "RosterEntry[" + child.id() + "]";
    }
}
