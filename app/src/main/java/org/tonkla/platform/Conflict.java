package org.tonkla.platform;

/**
 * The request is well formed but collides with the current state: someone else changed the record
 * first, the thing exists already, or the step is not allowed in this state: 409.
 */
public class Conflict extends DomainProblem {

    public Conflict(String messageKey, String detail) {
        super(messageKey, detail);
    }

    /** Someone else changed the record since the user read it (a compare-and-set that matched no row). */
    public static Conflict changedMeanwhile(String what) {
        return new Conflict("error.conflict.changed", "Someone else changed this " + what
                + " since you opened it; reload and try again");
    }

    @Override
    public int status() {
        return 409;
    }
}
