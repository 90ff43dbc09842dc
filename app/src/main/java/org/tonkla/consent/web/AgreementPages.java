package org.tonkla.consent.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.consent.AgreementAdmin;
import org.tonkla.consent.BreakGlass;
import org.tonkla.consent.DataCategory;
import org.tonkla.consent.Purpose;
import org.tonkla.identity.Users;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.NotFound;

/**
 * {@code /admin/agreements}: administrators draft, activate, amend and expire the MOU's agreements and print
 * a Thai summary; {@code /break-glass}: supervisors review emergency openings.
 */
@Controller
class AgreementPages {

    private final AgreementAdmin agreements;
    private final BreakGlass breakGlass;
    private final Users users;

    AgreementPages(AgreementAdmin agreements, BreakGlass breakGlass, Users users) {
        this.agreements = agreements;
        this.breakGlass = breakGlass;
        this.users = users;
    }

    /** The form as posted. */
    record Form(String code, String titleTh, String titleEn, String legalBasis, AgreementAdmin.Level level, String areaCode,
            LocalDate validFrom, LocalDate validTo, String parties, List<DataCategory> categories, List<Purpose> purposes) {

        AgreementAdmin.Draft draft() {
            Set<String> agencies = new LinkedHashSet<>();
            if (parties != null) Arrays.stream(parties.split("[,\\s]+")).filter(p -> !p.isBlank()).forEach(agencies::add);
            return new AgreementAdmin.Draft(code, titleTh, titleEn, legalBasis, level, areaCode, validFrom, validTo, agencies,
                    categories == null || categories.isEmpty() ? Set.of() : EnumSet.copyOf(categories),
                    purposes == null || purposes.isEmpty() ? Set.of() : EnumSet.copyOf(purposes));
        }
    }

    @GetMapping("/admin/agreements")
    String list(Model model) {
        model.addAttribute("agreements", agreements.list());
        addChoices(model);
        return "consent/agreements";
    }

    @PostMapping("/admin/agreements")
    String draft(Form form, RedirectAttributes redirect) {
        try {
            UUID id = agreements.draft(form.draft(), users.require());
            return "redirect:/admin/agreements/" + id;
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorField", e.field());
        } catch (Conflict e) {
            redirect.addFlashAttribute("conflict", e.messageKey());
        }
        redirect.addFlashAttribute("form", form);
        return "redirect:/admin/agreements";
    }

    @GetMapping("/admin/agreements/{id}")
    String one(@PathVariable UUID id, Model model) {
        model.addAttribute("agreement", agreements.find(id).orElseThrow(() -> new NotFound("agreement")));
        addChoices(model);
        return "consent/agreement";
    }

    @GetMapping("/admin/agreements/{id}/print")
    String print(@PathVariable UUID id, Model model) {
        model.addAttribute("agreement", agreements.find(id).orElseThrow(() -> new NotFound("agreement")));
        return "consent/agreement-print";
    }

    @PostMapping("/admin/agreements/{id}")
    String amend(@PathVariable UUID id, @RequestParam int revision, Form form, RedirectAttributes redirect) {
        try {
            agreements.amend(id, revision, form.draft(), users.require());
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorField", e.field());
        } catch (Conflict e) {
            redirect.addFlashAttribute("conflict", e.messageKey());
        }
        return "redirect:/admin/agreements/" + id;
    }

    @PostMapping("/admin/agreements/{id}/status")
    String status(@PathVariable UUID id, @RequestParam int revision, @RequestParam AgreementAdmin.Status status,
            RedirectAttributes redirect) {
        try {
            agreements.changeStatus(id, revision, status, users.require());
            redirect.addFlashAttribute("saved", true);
        } catch (Conflict e) {
            redirect.addFlashAttribute("conflict", e.messageKey());
        }
        return "redirect:/admin/agreements/" + id;
    }

    @GetMapping("/break-glass")
    String reviews(Model model) {
        model.addAttribute("openings", breakGlass.forReview(users.require(), false));
        return "consent/break-glass";
    }

    @PostMapping("/break-glass/{id}")
    String review(@PathVariable UUID id, @RequestParam int revision, @RequestParam BreakGlass.Status decision,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            breakGlass.review(id, revision, decision, note, users.require());
        } catch (Conflict e) {
            redirect.addFlashAttribute("conflict", e.messageKey());
        }
        return "redirect:/break-glass";
    }

    private static void addChoices(Model model) {
        model.addAttribute("categories", DataCategory.values());
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("levels", AgreementAdmin.Level.values());
    }
}
