package org.tonkla.identity.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Thai-first login page; it shows the OIDC button only when a provider is configured, and "try
 * again in X s" while an account or address is delayed after failed attempts.
 */
@Controller
class LoginPage {

    private final ObjectProvider<ClientRegistrationRepository> oidc;

    LoginPage(ObjectProvider<ClientRegistrationRepository> oidc) {
        this.oidc = oidc;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String delayed, @RequestParam(required = false) String error,
            @CookieValue(name = "tonkla-login-name", required = false) String typed, Model model) {
        model.addAttribute("oidcEnabled", oidc.getIfAvailable() != null);
        if (delayed != null && delayed.matches("\\d{1,6}")) model.addAttribute("delaySeconds", Long.parseLong(delayed));
        // After a failed attempt the username typed stays in its field (LoginOutcome keeps it for five minutes).
        if ((error != null || delayed != null) && typed != null) {
            try {
                model.addAttribute("typedUsername", URLDecoder.decode(typed, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // A cookie not written by Tonkla: the field stays empty.
            }
        }
        return "identity/login";
    }
}
