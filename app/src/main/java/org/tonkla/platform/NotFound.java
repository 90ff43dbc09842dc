package org.tonkla.platform;

/** No such thing, or none the user may know of: 404. */
public class NotFound extends DomainProblem {

    public NotFound(String what) {
        super("error.404", "No such " + what);
    }

    @Override
    public int status() {
        return 404;
    }
}
