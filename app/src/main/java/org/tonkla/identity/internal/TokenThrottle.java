package org.tonkla.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The token endpoint's share of {@link LoginThrottle}: wrong client secrets delay further attempts
 * of that client id and of that address (429 problem+json with {@code Retry-After}, the secret not
 * checked); a token issued forgets the client's failures. Not a bean, like every filter of a chain.
 */
final class TokenThrottle extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    TokenThrottle(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/oauth2/token");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = LoginThrottle.client(clientId(request));
        String address = LoginThrottle.address(request.getRemoteAddr());
        var wait = throttle.waitFor(List.of(client, address));
        if (!wait.isZero()) {
            ProblemResponses.tooManyRequests(request, response, Math.max(1, (wait.toMillis() + 999) / 1000));
            return;
        }
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.accountFailed(client);
            throttle.addressFailed(address);
        } else if (status == HttpServletResponse.SC_OK) {
            throttle.succeeded(client);
        }
    }

    /** The client id of HTTP Basic client authentication, or of the {@code client_id} form field. */
    static String clientId(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String id = colon < 0 ? decoded : decoded.substring(0, colon);
                return java.net.URLDecoder.decode(id, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        String param = request.getParameter("client_id");
        return param == null ? "" : param;
    }
}
