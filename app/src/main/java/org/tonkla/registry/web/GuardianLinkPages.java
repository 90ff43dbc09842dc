package org.tonkla.registry.web;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.Users;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.NotFound;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.GuardianAccounts;

/**
 * The administrator links a guardian's account to a child (issue 10 §6): the children already linked, a search by
 * name or national ID, then a confirmation page naming the child and the account, with the relationship.
 * ({@code /admin/**} is administrators only.)
 */
@Controller
class GuardianLinkPages {

    private final GuardianAccounts links;
    private final Accounts accounts;
    private final Users users;

    GuardianLinkPages(GuardianAccounts links, Accounts accounts, Users users) {
        this.links = links;
        this.accounts = accounts;
        this.users = users;
    }

    @GetMapping("/admin/users/{id}/children")
    String children(@PathVariable UUID id, @RequestParam(required = false) String q, Model model) {
        var admin = users.require();
        var account = accounts.find(id).orElseThrow(() -> new NotFound("account"));
        model.addAttribute("account", account);
        model.addAttribute("linked", links.childrenOf(admin, id));
        model.addAttribute("q", q);
        try {
            model.addAttribute("found", q == null ? null : links.find(admin, q));
        } catch (InvalidInput e) {
            model.addAttribute("found", java.util.List.of());
        }
        return "registry/guardian-link";
    }

    @GetMapping("/admin/users/{id}/children/{childId}")
    String confirm(@PathVariable UUID id, @PathVariable UUID childId, Model model) {
        return confirmPage(id, childId, "", null, null, model);
    }

    @PostMapping("/admin/users/{id}/children/{childId}")
    String link(@PathVariable UUID id, @PathVariable UUID childId, @RequestParam(required = false) String relationship,
            @RequestParam(required = false) String existing, Model model, RedirectAttributes redirect) {
        UUID guardian = existing == null || existing.isBlank() || existing.equals("new") ? null : parse(existing);
        try {
            links.link(users.require(), new ChildId(childId), id, relationship, guardian);
        } catch (InvalidInput e) {
            return confirmPage(id, childId, relationship, existing, "guardianLink.error." + e.field(), model);
        } catch (Conflict e) {
            return confirmPage(id, childId, relationship, existing, e.messageKey(), model);
        }
        redirect.addFlashAttribute("linkedChild", links.pick(users.require(), new ChildId(childId))
                .map(GuardianAccounts.Pick::fullNameTh).orElse(""));
        return "redirect:/admin/users/" + id + "/children";
    }

    private String confirmPage(UUID id, UUID childId, String relationship, String existing, String error, Model model) {
        var admin = users.require();
        var account = accounts.find(id).orElseThrow(() -> new NotFound("account"));
        var child = links.pick(admin, new ChildId(childId)).orElseThrow(() -> new NotFound("child"));
        model.addAttribute("account", account);
        model.addAttribute("child", child);
        model.addAttribute("known", links.guardiansOf(admin, new ChildId(childId)));
        model.addAttribute("relationship", relationship == null ? "" : relationship);
        model.addAttribute("existing", existing == null ? "new" : existing);
        model.addAttribute("error", error);
        return "registry/guardian-link-confirm";
    }

    private static UUID parse(String s) {
        try {
            return UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("existing", "a guardian of the child");
        }
    }
}
