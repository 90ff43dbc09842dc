package org.tonkla.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Users;

/**
 * Rights take effect at the next request. A session keeps who signed in, not what they may do: on
 * every request the account is read again by its id (one primary-key lookup, so an administrator's
 * change is seen at once on every node, with no cache to go stale). A changed role, scope, name or
 * language replaces the principal, so {@link Users#current()} and every {@code hasRole} rule see the
 * account as it is now; a disabled or deleted account ends the session and is answered like a
 * request without one. API tokens are read afresh by {@link TokenUsers} already and are left alone.
 *
 * <p>Not a bean: a servlet filter bean would also run outside the security filter chains.
 */
final class FreshRights extends OncePerRequestFilter {

    /** A principal that can be rebuilt around the account's current state. */
    interface Renewable extends Users.HasCurrentUser {
        Authentication renewed(Authentication old, CurrentUser now);
    }

    private final UserAccounts accounts;
    private final AuthenticationEntryPoint signedOut;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    FreshRights(UserAccounts accounts, AuthenticationEntryPoint signedOut) {
        this.accounts = accounts;
        this.signedOut = signedOut;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = contexts.getContext().getAuthentication();
        if (auth == null || auth instanceof TokenUsers.TokenAuthentication
                || !(auth.getPrincipal() instanceof Renewable principal)) {
            chain.doFilter(request, response);
            return;
        }
        CurrentUser was = principal.currentUser();
        var account = accounts.byId(was.id()).filter(UserAccount::enabled);
        if (account.isEmpty()) {
            var session = request.getSession(false);
            if (session != null) session.invalidate();
            contexts.clearContext();
            signedOut.commence(request, response, new DisabledException("The account is disabled"));
            return;
        }
        CurrentUser now = account.get().toCurrentUser();
        if (!now.equals(was)) {
            var context = contexts.createEmptyContext();
            context.setAuthentication(principal.renewed(auth, now));
            contexts.setContext(context);
            sessions.saveContext(context, request, response);
        }
        chain.doFilter(request, response);
    }
}
