package org.tonkla.identity;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is asking, whichever way they signed in (form, OIDC, or API token). */
@Component
public class Users {

    /** The current user, or empty for anonymous requests. */
    public Optional<CurrentUser> current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The current user; throws when nobody is signed in (the web layer answers 401). */
    public CurrentUser require() {
        return current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
    }

    /** The user behind an authentication made by any of Tonkla's login mechanisms. */
    public static Optional<CurrentUser> from(Authentication auth) {
        if (auth == null || !auth.isAuthenticated()) return Optional.empty();
        if (auth.getPrincipal() instanceof HasCurrentUser holder) return Optional.of(holder.currentUser());
        return Optional.empty();
    }

    /** Implemented by every principal type Tonkla puts into the security context. */
    public interface HasCurrentUser {
        CurrentUser currentUser();
    }
}
