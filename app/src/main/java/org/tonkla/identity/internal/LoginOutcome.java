package org.tonkla.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.tonkla.identity.Users;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.ThaiDates;

/** After login: the user's own language comes back on this device, and the login is audited. */
@Component
class LoginOutcome extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

    private final AuditTrail audit;
    // Injected, not looked up on the request: login is handled by a filter, before the DispatcherServlet.
    private final LocaleResolver localeResolver;

    LoginOutcome(AuditTrail audit, LocaleResolver localeResolver) {
        this.audit = audit;
        this.localeResolver = localeResolver;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws ServletException, IOException {
        Users.from(auth).ifPresent(user -> {
            localeResolver.setLocale(request, response, "en".equals(user.language()) ? Locale.ENGLISH : ThaiDates.THAI);
            audit.recordAs(user.username(), "LOGIN", "user", user.id().toString(), null);
        });
        super.onAuthenticationSuccess(request, response, auth);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        response.sendRedirect(request.getContextPath() + (e instanceof LockedException ? "/login?locked" : "/login?error"));
    }
}
