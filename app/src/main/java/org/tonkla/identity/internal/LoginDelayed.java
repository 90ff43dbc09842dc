package org.tonkla.identity.internal;

import java.time.Duration;
import org.springframework.security.authentication.AccountStatusException;

/**
 * An attempt made while its account or address is still delayed; the password was not checked.
 * An {@link AccountStatusException}, so no other authentication provider gets to try it.
 */
final class LoginDelayed extends AccountStatusException {

    private final long seconds;

    LoginDelayed(Duration wait) {
        super("Try again in " + Math.max(1, (wait.toMillis() + 999) / 1000) + " s");
        this.seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    long seconds() {
        return seconds;
    }
}
