package org.tonkla.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.DigestAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.DigestAuthenticationFilter;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Users;

/**
 * HTTP Digest (RFC 2617, qop=auth) for the OpenRosa chain, as ODK Collect uses it over plain http: Spring Security's
 * {@link DigestAuthenticationFilter} with the stored HA1 ({@link DigestCredentials}) as the already-encoded password.
 * An account that is disabled, unknown, or has no HA1 yet (no sign-in since Digest came) is not found, so answered 401
 * like a wrong password. Nonces are signed with a key made at start-up and valid for five minutes.
 */
final class DigestLogin {

    /**
     * The filter takes realm and nonce key from its entry point; a failed attempt is answered by {@code failure} (both
     * schemes' challenges), which adds this entry point's Digest header through {@link #challenge}.
     */
    private final class EntryPoint extends DigestAuthenticationEntryPoint {
        @Override
        public void commence(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
                AuthenticationException e) throws java.io.IOException {
            // A wrong response or an unknown user counts as a failed sign-in, as a wrong Basic password does; an
            // expired nonce is the protocol's normal course, not a failure.
            if (!(e instanceof org.springframework.security.web.authentication.www.NonceExpiredException)) {
                String username = username(request.getHeader("Authorization"));
                throttle.accountFailed(LoginThrottle.account(username));
                throttle.addressFailed(LoginThrottle.address(request.getRemoteAddr()));
            }
            try {
                failure.commence(request, response, e);
            } catch (jakarta.servlet.ServletException ex) {
                throw new java.io.IOException(ex);
            }
        }

        void header(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws java.io.IOException {
            super.commence(request, response, e);
        }
    }

    private final EntryPoint entryPoint = new EntryPoint();
    private final DigestAuthenticationFilter filter = new DigestAuthenticationFilter();
    private final AuthenticationEntryPoint failure;
    private final LoginThrottle throttle;

    DigestLogin(UserAccounts accounts, DigestCredentials credentials, AuthenticationEntryPoint failure, LoginThrottle throttle) {
        this.failure = failure;
        this.throttle = throttle;
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        entryPoint.setRealmName(DigestCredentials.REALM);
        entryPoint.setKey(Base64.getEncoder().encodeToString(key));
        entryPoint.setNonceValiditySeconds(300);
        UserDetailsService users = username -> {
            String name = username == null ? "" : username.trim().toLowerCase();
            var account = accounts.byUsername(name).filter(UserAccount::enabled).orElse(null);
            String ha1 = account == null ? null : credentials.of(name).orElse(null);
            if (ha1 == null) throw new UsernameNotFoundException("No Digest credentials");
            return new DigestPrincipal(account.toCurrentUser(), ha1);
        };
        filter.setUserDetailsService(users);
        filter.setPasswordAlreadyEncoded(true);
        filter.setCreateAuthenticatedToken(true);
        filter.setAuthenticationEntryPoint(entryPoint);
        filter.setSecurityContextRepository(new NullSecurityContextRepository());
    }

    /**
     * Spring's Digest filter behind the sign-in throttle: while the account or the address is delayed after failed
     * attempts (Basic, Digest or the web form alike), a Digest attempt is answered 401 without being checked.
     */
    jakarta.servlet.Filter filter() {
        return (req, res, chain) -> {
            var request = (jakarta.servlet.http.HttpServletRequest) req;
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Digest ", 0, 7)) {
                var wait = throttle.waitFor(java.util.List.of(LoginThrottle.account(username(header)),
                        LoginThrottle.address(request.getRemoteAddr())));
                if (!wait.isZero()) {
                    var response = (HttpServletResponse) res;
                    response.setHeader("Retry-After", Long.toString(new LoginDelayed(wait).seconds()));
                    try {
                        failure.commence(request, response, new LoginDelayed(wait));
                    } catch (jakarta.servlet.ServletException e) {
                        throw new java.io.IOException(e);
                    }
                    return;
                }
            }
            // Signed in by Digest: the account's failures are forgotten, as after a right password.
            filter.doFilter(req, res, (rq, rs) -> {
                var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
                if (auth != null && auth.getPrincipal() instanceof DigestPrincipal p) {
                    throttle.succeeded(LoginThrottle.account(p.getUsername()));
                }
                chain.doFilter(rq, rs);
            });
        };
    }

    /**
     * The username as Spring's filter reads it, so the throttle counts the account that was tried: the header's
     * comma-separated pairs (commas inside quotes kept), quotes removed, split at the first {@code =}, the last
     * {@code username} winning (Spring keeps them in a map).
     */
    static String username(String header) {
        if (header == null || header.length() < 7) return "";
        String username = "";
        boolean quoted = false;
        int start = 7;
        for (int i = 7; i <= header.length(); i++) {
            char c = i < header.length() ? header.charAt(i) : ',';
            if (c == '"') quoted = !quoted;
            if (c == ',' && !quoted || i == header.length()) {
                String part = header.substring(start, Math.min(i, header.length())).replace("\"", "");
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).trim().equals("username")) username = part.substring(eq + 1).trim();
                start = i + 1;
            }
        }
        return username;
    }

    /** Adds the Digest challenge (a fresh nonce; {@code stale} when the client's nonce expired) to a 401. */
    void challenge(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws java.io.IOException {
        // The entry point would also send the error page; only its WWW-Authenticate header is wanted.
        var headerOnly = new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int sc, String msg) {}

            @Override
            public void sendError(int sc) {}
        };
        entryPoint.header(request, headerOnly, e);
    }

    /** The principal of a Digest request: the account as it is now, with its HA1 as the password the filter compares. */
    record DigestPrincipal(CurrentUser currentUser, String ha1) implements UserDetails, Users.HasCurrentUser {
        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return TonklaPrincipal.authorities(currentUser);
        }

        @Override
        public String getPassword() {
            return ha1;
        }

        @Override
        public String getUsername() {
            return currentUser.username();
        }

        @Override
        public String toString() {
            return "DigestPrincipal[" + currentUser.username() + "]";
        }
    }
}
