package org.tonkla.registry.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tonkla.directory.AreaChoices;
import org.tonkla.directory.Directory;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Users;
import org.tonkla.platform.ThaiDates;
import org.tonkla.registry.ChildId;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.Refused;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.ChildCorrections;
import org.tonkla.registry.ChildSearch;
import org.tonkla.registry.DuplicateCandidates;
import org.tonkla.registry.Guardians;
import org.tonkla.registry.Registration;
import org.tonkla.registry.NewChild;
import org.tonkla.registry.Sex;

/** Finding and registering children, and a guardian's own children; transfers are {@link TransferPages}. */
@Controller
class ChildrenPages {

    private final ChildAccess access;
    private final Registration registration;
    private final ChildSearch search;
    private final Guardians guardians;
    private final ChildCorrections corrections;
    private final Users users;
    private final Directory directory;
    private final Clock clock;

    ChildrenPages(ChildAccess access, Registration registration, ChildSearch search,
            Guardians guardians, ChildCorrections corrections, Users users, Directory directory, Clock clock) {
        this.access = access;
        this.registration = registration;
        this.search = search;
        this.guardians = guardians;
        this.corrections = corrections;
        this.users = users;
        this.directory = directory;
        this.clock = clock;
    }

    /** The registration form as posted (dates in ISO, CE, from the date input). */
    record ChildForm(String givenNameTh, String familyNameTh, String givenNameEn, String familyNameEn, Sex sex,
            LocalDate dateOfBirth, String nationalId, String gCode, String noIdentifierReason, String className,
            String subdistrictCode, String houseNo, Double latitude, Double longitude, Boolean confirmedNew) {

        @Override
        public String toString() { // never the national ID or the name in a log line
            return "ChildForm[born " + dateOfBirth + "]";
        }
    }

    @GetMapping("/children")
    String search(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        try {
            model.addAttribute("children", search.search(users.require(), q, 100));
        } catch (InvalidInput e) {
            model.addAttribute("children", java.util.List.of());
            model.addAttribute("errorField", e.field());
        }
        return "registry/children";
    }

    @GetMapping("/children/new")
    String newChild(Model model) {
        var user = users.require();
        String subdistrict = user.scope().unit() instanceof OrgUnit.ServiceUnit u
                ? directory.serviceUnit(u.id()).map(org.tonkla.directory.ServiceUnit::subdistrictCode).orElse("") : "";
        model.addAttribute("form", new ChildForm("", "", "", "", null, null, "", "", "", "", subdistrict, "", null, null,
                false));
        model.addAttribute("areas", AreaChoices.around(directory, subdistrict));
        return "registry/child-form";
    }

    @PostMapping("/children")
    String register(ChildForm form, Model model) {
        var user = users.require();
        if (!(user.scope().unit() instanceof OrgUnit.ServiceUnit unit)) {
            model.addAttribute("form", form);
            model.addAttribute("areas", AreaChoices.around(directory, form.subdistrictCode()));
            model.addAttribute("errorField", "unitScope");
            return "registry/child-form";
        }
        try {
            var outcome = registration.register(new NewChild(form.givenNameTh(), form.familyNameTh(), form.givenNameEn(),
                    form.familyNameEn(), form.sex(), form.dateOfBirth(), null, form.nationalId(), form.gCode(),
                    form.noIdentifierReason(), unit.id(), null, form.className(), LocalDate.now(clock.withZone(ThaiDates.BANGKOK)),
                    form.subdistrictCode(), form.houseNo(), form.latitude(), form.longitude(),
                    Boolean.TRUE.equals(form.confirmedNew())), user);
            return switch (outcome) {
                case Registration.Created c -> "redirect:/children/" + c.child();
                case Registration.AlreadyHere h -> "redirect:/children/" + h.child();
                case Registration.JoinRequested r -> "redirect:/units/" + unit.id() + "/join-requests?asked=" + r.request();
            };
        } catch (DuplicateCandidates e) {
            model.addAttribute("candidates", e.candidates());
        } catch (InvalidInput e) {
            model.addAttribute("errorField", e.field());
        }
        model.addAttribute("form", form);
        model.addAttribute("areas", AreaChoices.around(directory, form.subdistrictCode()));
        return "registry/child-form";
    }

    @PostMapping("/children/{id}/guardians")
    String addGuardian(@PathVariable UUID id, @RequestParam String givenNameTh, @RequestParam String familyNameTh,
            @RequestParam String relationship, @RequestParam(required = false) String phone,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            guardians.addGuardian(new ChildId(id), givenNameTh, familyNameTh, relationship, phone, null, users.require());
            redirect.addFlashAttribute("saved", "guardian");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorField", "child." + e.field());
        }
        return "redirect:/children/" + id + "#identity";
    }

    @PostMapping("/children/{id}/photo")
    String photo(@PathVariable UUID id, @RequestParam("photo") org.springframework.web.multipart.MultipartFile photo,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) throws java.io.IOException {
        try {
            corrections.setPhoto(new ChildId(id), photo.getOriginalFilename(), photo.getBytes(), users.require());
            redirect.addFlashAttribute("saved", "photo");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorField", "child." + e.field());
        }
        return "redirect:/children/" + id + "#identity";
    }

    /** A correction of the name or date of birth; the earlier value is kept with who and why. */
    @PostMapping("/children/{id}/corrections")
    String correct(@PathVariable UUID id, @RequestParam String field, @RequestParam(required = false) String newValue,
            @RequestParam(required = false) String reason,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            corrections.correct(new ChildId(id), field, newValue, reason, users.require());
            redirect.addFlashAttribute("saved", "correction");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorField", "child." + e.field());
        }
        return "redirect:/children/" + id + "#identity";
    }

    @GetMapping("/my-children")
    String myChildren(Model model) {
        model.addAttribute("children", search.childrenOfGuardian(users.require()));
        return "registry/my-children";
    }
}
