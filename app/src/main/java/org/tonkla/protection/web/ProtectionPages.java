package org.tonkla.protection.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.identity.Users;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.Refused;
import org.tonkla.protection.Concern;
import org.tonkla.protection.Concerns;
import org.tonkla.protection.LivingArrangement;
import org.tonkla.protection.ProtectionScreenings;
import org.tonkla.protection.RiskRules;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.ChildId;

/**
 * The protection pages: the screening form for a child (its result on the same page), the user's concerns, and one
 * concern (its workers see the child and act on it; the reporter sees the status). The screening page reads nothing
 * of the child, so opening it leaves no trace in the family's log; the concern page is logged by {@link Concerns}.
 */
@Controller
class ProtectionPages {

    private final RiskRules rules;
    private final ProtectionScreenings screenings;
    private final Concerns concerns;
    private final ChildAccess access;
    private final Users users;

    ProtectionPages(RiskRules rules, ProtectionScreenings screenings, Concerns concerns, ChildAccess access, Users users) {
        this.rules = rules;
        this.screenings = screenings;
        this.concerns = concerns;
        this.access = access;
        this.users = users;
    }

    @GetMapping("/children/{childId}/protection")
    String form(@PathVariable UUID childId, Model model) {
        if (!access.mayWrite(users.require(), new ChildId(childId))) throw new Refused("Child outside the user's reach");
        return screeningPage(childId, List.of(), "", Map.of(), model);
    }

    @PostMapping("/children/{childId}/protection")
    String screen(@PathVariable UUID childId, @RequestParam(required = false) List<String> items,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String living, Model model) {
        List<String> found = items == null ? List.of() : items;
        try {
            var o = screenings.record(new ChildId(childId),
                    new ProtectionScreenings.ScreeningInput(new LinkedHashSet<>(found), reason, living), users.require());
            model.addAttribute("outcome", o);
            return screeningPage(childId, List.of(), "", Map.of(), model);
        } catch (InvalidInput e) {
            model.addAttribute("living", living);
            return screeningPage(childId, found, reason, errors(e), model);
        }
    }

    private String screeningPage(UUID childId, List<String> checked, String reason, Map<String, String> errors,
            Model model) {
        model.addAttribute("childId", childId).addAttribute("items", rules.items()).addAttribute("checked", checked)
                .addAttribute("reason", reason == null ? "" : reason).addAttribute("errors", errors)
                .addAttribute("arrangements", LivingArrangement.values());
        return "protection/screening";
    }

    @GetMapping("/protection/concerns")
    String list(Model model) {
        model.addAttribute("listing", concerns.list(users.require()));
        return "protection/concerns";
    }

    @GetMapping("/protection/concerns/{id}")
    String concern(@PathVariable UUID id, Model model) {
        model.addAttribute("view", concerns.view(id, users.require())).addAttribute("statuses", Concern.Status.values());
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        return "protection/concern";
    }

    @PostMapping("/protection/concerns/{id}/status")
    String status(@PathVariable UUID id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String revision, Model model, RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        // A value that is not a status or a revision is the form's fault: 400 on the form, the field named beside it.
        Concern.Status parsed = parse(status);
        Integer rev = revision != null && revision.matches("[0-9]{1,9}") ? Integer.valueOf(revision) : null;
        if (parsed == null || rev == null) {
            response.setStatus(400);
            model.addAttribute("errors", Map.of("status", parsed == null ? "status: OPEN, IN_PROGRESS or CLOSED"
                    : "revision: a whole number"));
            return concern(id, model);
        }
        try {
            concerns.changeStatus(id, parsed, rev, users.require());
            redirect.addFlashAttribute("notice", "protection.saved");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errors", errors(e));
        } catch (Conflict e) {
            redirect.addFlashAttribute("errors", Map.of("status", "changed meanwhile"));
        }
        return "redirect:/protection/concerns/" + id;
    }

    private static Concern.Status parse(String status) {
        if (status == null) return null;
        for (Concern.Status s : Concern.Status.values()) if (s.name().equals(status)) return s;
        return null;
    }

    @PostMapping("/protection/concerns/{id}/release")
    String release(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            concerns.releaseLog(id, reason, users.require());
            redirect.addFlashAttribute("notice", "protection.released");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errors", errors(e));
        } catch (Conflict e) {
            // Released meanwhile (another worker, another tab): said on the page, not a generic conflict page.
            redirect.addFlashAttribute("errors", Map.of("release", "already released"));
        }
        return "redirect:/protection/concerns/" + id;
    }

    private static Map<String, String> errors(InvalidInput e) {
        return e.errors().stream().collect(Collectors.toMap(InvalidInput.FieldError::field,
                InvalidInput.FieldError::expected, (a, b) -> a));
    }
}
