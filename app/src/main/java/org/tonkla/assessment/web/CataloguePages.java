package org.tonkla.assessment.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.assessment.Catalogues;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Role;
import org.tonkla.identity.Users;

/** Administrators import catalogue versions from CSV or Excel and choose the one new assessments use. */
@Controller
class CataloguePages {

    private final Catalogues catalogues;
    private final Users users;

    CataloguePages(Catalogues catalogues, Users users) {
        this.catalogues = catalogues;
        this.users = users;
    }

    @GetMapping("/assessment/catalogues")
    String list(Model model) {
        requireAdministrator();
        model.addAttribute("versions", catalogues.versions());
        model.addAttribute("active", catalogues.active());
        return "assessment/catalogues";
    }

    @PostMapping("/assessment/catalogues")
    String importSheet(@RequestParam("sheet") MultipartFile sheet,
            @RequestParam(defaultValue = "false") boolean activate, Model model, RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        CurrentUser user = requireAdministrator();
        Catalogues.ImportOutcome outcome;
        try {
            outcome = catalogues.importSheet(sheet.getOriginalFilename(), sheet.getBytes(), activate, user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        switch (outcome) {
            case Catalogues.ImportOutcome.Imported imported -> {
                // Flash attributes live in the shared JDBC session: plain strings only.
                redirect.addFlashAttribute("importedVersion", imported.version());
                redirect.addFlashAttribute("importedItems", String.valueOf(imported.items()));
                return "redirect:/assessment/catalogues";
            }
            case Catalogues.ImportOutcome.Refused refused -> {
                response.setStatus(422);
                model.addAttribute("errors", refused.errors());
                model.addAttribute("fileName", sheet.getOriginalFilename());
                model.addAttribute("versions", catalogues.versions());
                model.addAttribute("active", catalogues.active());
                return "assessment/catalogues";
            }
        }
    }

    @PostMapping("/assessment/catalogues/activate")
    String activate(@RequestParam String version) {
        catalogues.activate(version, requireAdministrator());
        return "redirect:/assessment/catalogues";
    }

    private CurrentUser requireAdministrator() {
        CurrentUser user = users.require();
        if (!user.is(Role.ADMINISTRATOR)) {
            throw new org.tonkla.platform.Refused("Administrators only");
        }
        return user;
    }
}
