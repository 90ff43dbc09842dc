package org.tonkla.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.tonkla.identity.Users;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.ThaiDates;
import org.tonkla.platform.TonklaProperties;

/**
 * After login: the user's own language comes back on this device, the login is audited, and the
 * browser goes back to the page that asked for the login. Every redirect is a relative path: the
 * saved page is kept in a cookie (no session before login) and only its path is used, so neither
 * a forged {@code Host} header nor a crafted URL can send the user elsewhere.
 */
@Component
class LoginOutcome implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    /** Where the page that needed a login is remembered: a cookie, so anonymous requests make no session. */
    static final RequestCache SAVED_PAGE = new CookieRequestCache();

    /** The cookie platform's locale resolver keeps the device's language in ({@code LocaleConfiguration.COOKIE}). */
    static final String DEVICE_LANGUAGE_COOKIE = "tonkla-lang";

    /**
     * The username typed in a failed login, so the page shows it again and only the password is typed anew. A cookie on
     * the login page alone, not the address: a password typed into the wrong field must not reach access logs. Read, and
     * cleared once shown, by {@code LoginPage}; cleared at a successful login.
     */
    static final String TYPED_USERNAME_COOKIE = "tonkla-login-name";

    private final AuditTrail audit;
    // Injected, not looked up on the request: login is handled by a filter, before the DispatcherServlet.
    private final LocaleResolver localeResolver;
    private final boolean https;

    LoginOutcome(AuditTrail audit, LocaleResolver localeResolver, TonklaProperties tonkla) {
        this.audit = audit;
        this.localeResolver = localeResolver;
        this.https = tonkla.https();
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException {
        Users.from(auth).ifPresent(user -> {
            // The device's own choice wins (issue 10 §8): a shared phone set to Thai stays Thai whoever signs in on it;
            // the account's language applies on a device that has not chosen (no language cookie, see LocaleConfiguration).
            if (org.springframework.web.util.WebUtils.getCookie(request, DEVICE_LANGUAGE_COOKIE) == null) {
                localeResolver.setLocale(request, response, "en".equals(user.language()) ? Locale.ENGLISH : ThaiDates.THAI);
            }
            audit.recordAs(user.username(), "LOGIN", "user", user.id().toString(), null);
        });
        if (org.springframework.web.util.WebUtils.getCookie(request, TYPED_USERNAME_COOKIE) != null) {
            typedUsername(request, response, "", Duration.ZERO);
        }
        String target = request.getContextPath() + "/";
        var saved = SAVED_PAGE.getRequest(request, response);
        if (saved != null) {
            target = localPath(saved.getRedirectUrl(), target);
            SAVED_PAGE.removeRequest(request, response);
        }
        response.sendRedirect(target);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        String query = e instanceof LoginDelayed delayed ? "?delayed=" + delayed.seconds() : "?error";
        String typed = request.getParameter("username");
        if (typed != null && !typed.isBlank() && typed.length() <= 200) {
            // Base64url: any username survives the cookie unchanged (Spring would URL-decode a cookie read by name).
            typedUsername(request, response, Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(typed.strip().getBytes(StandardCharsets.UTF_8)), Duration.ofMinutes(5));
        }
        response.sendRedirect(request.getContextPath() + "/login" + query);
    }

    /** Sets the typed-username cookie, or clears it with an empty value and no time left. */
    private void typedUsername(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
        var cookie = ResponseCookie.from(TYPED_USERNAME_COOKIE, value).path(request.getContextPath() + "/login").maxAge(maxAge)
                .httpOnly(true).secure(https).sameSite("Strict").build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    /** The path and query of a URL, or {@code fallback} when it has none or would leave the site ({@code //host}). */
    static String localPath(String url, String fallback) {
        try {
            var uri = URI.create(url);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) return fallback;
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
