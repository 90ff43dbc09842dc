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
import org.tonkla.identity.LoginLocks;
import org.tonkla.identity.Mailboxes;
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
    private final Mailboxes mailboxes;
    private final LoginLocks locks;
    private final java.time.Clock clock;

    AdminUserPages(Accounts accounts, OrgUnitDirectory directory, Mailboxes mailboxes, LoginLocks locks,
            java.time.Clock clock) {
        this.accounts = accounts;
        this.directory = directory;
        this.mailboxes = mailboxes;
        this.locks = locks;
        this.clock = clock;
    }

    /** The form as posted: scope is a level plus an area code or a service-unit id. */
    record UserForm(String username, String displayName, Role role, String agencyCode, ScopeLevel scopeLevel,
            String scopeCode, String password, Boolean enabled, String email) {

        static UserForm empty() {
            return new UserForm("", "", Role.CAREGIVER, "", ScopeLevel.SERVICE_UNIT, "", "", true, "");
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
                a.scope().level(), code, "", a.enabled(), mailboxes.of(a.username()).orElse("")), null);
    }

    @PostMapping("/admin/users")
    String create(UserForm form, Model model, RedirectAttributes redirect) {
        try {
            accounts.create(toAccount(form), false);
            mailboxes.set(form.username().trim().toLowerCase(java.util.Locale.ROOT), form.email());
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
            accounts.find(id).ifPresent(a -> mailboxes.set(a.username(), form.email()));
        } catch (InvalidInput e) {
            return form(model, id, form, e.field());
        }
        redirect.addFlashAttribute("saved", form.username());
        return "redirect:/admin/users";
    }

    private String form(Model model, UUID id, UserForm form, String errorField) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        // The account's wrong-password delay and what the administrator may do about it (issue 10 §6).
        var account = id == null ? null : accounts.find(id).orElse(null);
        model.addAttribute("account", account);
        model.addAttribute("lock", account == null ? null : locks.of(account.username()).orElse(null));
        model.addAttribute("locked", account != null && locks.locked(account.username()));
        model.addAttribute("now", java.time.Instant.now(clock));
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
        if (f.email() != null && !f.email().isBlank()
                && (f.email().strip().length() > 254 || !f.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new InvalidInput("email", "an e-mail address such as name@example.go.th");
        }
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
