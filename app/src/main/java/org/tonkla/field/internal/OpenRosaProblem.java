package org.tonkla.field.internal;

/**
 * A submission or request the OpenRosa server refuses, with the HTTP status and the message ODK Collect shows the
 * surveyor (in Thai first, then English, because Collect shows the text as it is). Nothing of it was stored.
 */
public class OpenRosaProblem extends RuntimeException {

    private final int status;

    public OpenRosaProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
