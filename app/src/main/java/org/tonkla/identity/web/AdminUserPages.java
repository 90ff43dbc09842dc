package org.tonkla.identity.web;

import org.tonkla.platform.InvalidInput;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.OrgUnitDirectory;
import org.tonkla.identity.OrgUnitDirectory.Choice;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;
import org.tonkla.identity.ScopeLevel;

/** Administrator pages for users, their role and their scope ({@code /admin/**} is administrators only). */
@Controller
class AdminUserPages {

    private final Accounts accounts;
    private final OrgUnitDirectory directory;

    AdminUserPages(Accounts accounts, OrgUnitDirectory directory) {
        this.accounts = accounts;
        this.directory = directory;
    }

    /** The form as posted: scope is a level plus an area code or a service-unit id. */
    record UserForm(String username, String displayName, Role role, String agencyCode, ScopeLevel scopeLevel,
            String scopeCode, String password, Boolean enabled) {

        static UserForm empty() {
            return new UserForm("", "", Role.CAREGIVER, "", ScopeLevel.SERVICE_UNIT, "", "", true);
        }
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("users", accounts.search(q));
        model.addAttribute("q", q);
        return "identity/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        return form(model, null, UserForm.empty(), null);
    }

    @GetMapping("/admin/users/{id}")
    String edit(@PathVariable UUID id, Model model) {
        var a = accounts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String code = switch (a.scope().unit()) {
            case OrgUnit.Country c -> "";
            case OrgUnit.Area area -> area.code();
            case OrgUnit.ServiceUnit s -> s.id().toString();
        };
        return form(model, id, new UserForm(a.username(), a.displayName(), a.role(), a.scope().agencyCode(),
                a.scope().level(), code, "", a.enabled()), null);
    }

    @PostMapping("/admin/users")
    String create(UserForm form, Model model, RedirectAttributes redirect) {
        try {
            accounts.create(toAccount(form), false);
        } catch (InvalidInput e) {
            return form(model, null, form, e.field());
        }
        redirect.addFlashAttribute("saved", form.username());
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable UUID id, UserForm form, Model model, RedirectAttributes redirect) {
        try {
            accounts.update(id, toAccount(form));
        } catch (InvalidInput e) {
            return form(model, id, form, e.field());
        }
        redirect.addFlashAttribute("saved", form.username());
        return "redirect:/admin/users";
    }

    private String form(Model model, UUID id, UserForm form, String errorField) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        model.addAttribute("levels", ScopeLevel.values());
        model.addAttribute("errorField", errorField);
        // Pickers, not codes (issue 10 §4): the agency from a list, the area by province → district → subdistrict,
        // a service unit by a search; the code field stays for what the pickers fill in (and works without a script).
        model.addAttribute("agencies", directory.agencyChoices());
        String code = form.scopeCode() == null || form.scopeLevel() == ScopeLevel.SERVICE_UNIT ? "" : form.scopeCode().strip();
        model.addAttribute("areas", AreaPicks.around(directory, code));
        return "identity/user-form";
    }

    /** The province → district → subdistrict lists around the chosen area, as {@code directory/pickers} shows them. */
    record AreaPicks(List<Choice> provinces, List<Choice> districts, List<Choice> subdistricts, String province,
            String district, String subdistrict) {

        static AreaPicks around(OrgUnitDirectory directory, String code) {
            String c = code.matches("\\d{2}|\\d{4}|\\d{6}") ? code : "";
            String province = c.length() >= 2 ? c.substring(0, 2) : "";
            String district = c.length() >= 4 ? c.substring(0, 4) : "";
            return new AreaPicks(directory.areaChoices(""), province.isEmpty() ? List.of() : directory.areaChoices(province),
                    district.isEmpty() ? List.of() : directory.areaChoices(district), province, district,
                    c.length() == 6 ? c : "");
        }
    }

    private Accounts.AccountForm toAccount(UserForm f) {
        String agency = f.agencyCode() == null || f.agencyCode().isBlank() ? null : f.agencyCode().trim();
        if (agency != null && !directory.isAgency(agency)) throw new InvalidInput("agencyCode", "an existing agency code");
        OrgUnit unit;
        try {
            unit = switch (f.scopeLevel()) {
                case COUNTRY -> OrgUnit.country();
                case SERVICE_UNIT -> OrgUnit.serviceUnit(UUID.fromString(f.scopeCode().trim()));
                default -> OrgUnit.area(f.scopeCode().trim());
            };
        } catch (RuntimeException e) {
            throw new InvalidInput("scopeCode", "a DOPA area code of the chosen level, or a service unit id");
        }
        if (unit instanceof OrgUnit.Area a && a.level() != f.scopeLevel()) {
            throw new InvalidInput("scopeCode", "a DOPA area code of the chosen level");
        }
        if (directory.placementOf(unit).isEmpty()) throw new InvalidInput("scopeCode", "an existing area or service unit");
        // An unticked checkbox sends nothing: absent means disabled.
        return new Accounts.AccountForm(f.username(), f.displayName(), f.role(), new Scope(agency, unit), f.password(),
                Boolean.TRUE.equals(f.enabled()));
    }
}
