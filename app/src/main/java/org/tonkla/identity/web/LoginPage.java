package org.tonkla.identity.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.WebUtils;

/**
 * The Thai-first login page; it shows the OIDC button only when a provider is configured, and "try
 * again in X s" while an account or address is delayed after failed attempts.
 */
@Controller
class LoginPage {

    /** Written by {@code LoginOutcome} after a failed login: the username typed, base64url. */
    private static final String TYPED_USERNAME_COOKIE = "tonkla-login-name";

    private final ObjectProvider<ClientRegistrationRepository> oidc;

    LoginPage(ObjectProvider<ClientRegistrationRepository> oidc) {
        this.oidc = oidc;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String delayed, @RequestParam(required = false) String error,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("oidcEnabled", oidc.getIfAvailable() != null);
        if (delayed != null && delayed.matches("\\d{1,6}")) model.addAttribute("delaySeconds", Long.parseLong(delayed));
        // After a failed attempt the username typed stays in its field, once (LoginOutcome keeps it for five minutes).
        Cookie typed = WebUtils.getCookie(request, TYPED_USERNAME_COOKIE);
        if (typed != null && (error != null || delayed != null)) {
            try {
                // Control characters would only come from a cookie not written by Tonkla.
                model.addAttribute("typedUsername", new String(Base64.getUrlDecoder().decode(typed.getValue()), StandardCharsets.UTF_8)
                        .replaceAll("\\p{Cntrl}", ""));
            } catch (IllegalArgumentException malformed) {
                // A cookie not written by Tonkla: the field stays empty.
            }
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(TYPED_USERNAME_COOKIE, "")
                    .path(request.getContextPath() + "/login").maxAge(0).httpOnly(true).sameSite("Strict").build().toString());
        }
        return "identity/login";
    }
}
