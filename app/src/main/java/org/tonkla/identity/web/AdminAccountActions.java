package org.tonkla.identity.web;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.identity.LoginLocks;
import org.tonkla.identity.PasswordResets;
import org.tonkla.platform.InvalidInput;

/**
 * What an administrator does for a user who cannot sign in (issue 10 §6): lift the wrong-password delay, or send
 * a password-reset link to the account's address. Both are asked for on the user's page (the page asks "are you
 * sure?" first) and audited.
 */
@Controller
class AdminAccountActions {

    private final LoginLocks locks;
    private final PasswordResets resets;

    AdminAccountActions(LoginLocks locks, PasswordResets resets) {
        this.locks = locks;
        this.resets = resets;
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
        locks.unlock(id);
        redirect.addFlashAttribute("done", "users.unlocked");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/password-reset")
    String reset(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            resets.requestFor(id);
            redirect.addFlashAttribute("done", "users.reset.sent");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("failed", "users.reset.error." + e.field());
        }
        return "redirect:/admin/users/" + id;
    }
}
