package org.tonkla.platform;

/** The user may not do this (role, scope or purpose): 403. The detail never says what exists beyond the user's reach. */
public class Refused extends DomainProblem {

    public Refused(String detail) {
        super("error.403", detail);
    }

    public Refused(String messageKey, String detail) {
        super(messageKey, detail);
    }

    @Override
    public int status() {
        return 403;
    }
}
