package org.tonkla.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tonkla.identity.PasswordResets;
import org.tonkla.platform.InvalidInput;

/**
 * "Forgot your password?" (issue 10 §6): the request by username or e-mail address, which answers the same
 * whatever was typed, and the page of the e-mailed link, where the new password is set once.
 */
@Controller
class PasswordResetPages {

    private final PasswordResets resets;

    PasswordResetPages(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/password-reset")
    String requestForm() {
        return "identity/reset-request";
    }

    @PostMapping("/password-reset")
    String request(@RequestParam(required = false) String account, Model model) {
        resets.request(account);
        // The same answer for an account that exists, one that does not, and one without an address.
        model.addAttribute("asked", true);
        return "identity/reset-request";
    }

    @GetMapping("/password-reset/{token}")
    String passwordForm(@PathVariable String token, Model model) {
        model.addAttribute("username", resets.usernameFor(token).orElse(null));
        model.addAttribute("token", token);
        return "identity/reset-password";
    }

    @PostMapping("/password-reset/{token}")
    String reset(@PathVariable String token, @RequestParam(required = false) String password,
            @RequestParam(required = false) String repeat, Model model) {
        try {
            resets.reset(token, password, repeat);
            return "redirect:/login?reset";
        } catch (InvalidInput e) {
            model.addAttribute("username", resets.usernameFor(token).orElse(null));
            model.addAttribute("token", token);
            model.addAttribute("errorField", e.field());
            return "identity/reset-password";
        }
    }
}
