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
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnitType;
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
import org.tonkla.registry.Transfers;
import org.tonkla.registry.EnrolmentKind;
import org.tonkla.registry.NewChild;
import org.tonkla.registry.Sex;

/** Finding and registering children, transfers to the next unit, and a guardian's own children. */
@Controller
class ChildrenPages {

    private final ChildAccess access;
    private final Registration registration;
    private final ChildSearch search;
    private final Transfers transfers;
    private final Guardians guardians;
    private final ChildCorrections corrections;
    private final Users users;
    private final Directory directory;
    private final Clock clock;

    ChildrenPages(ChildAccess access, Registration registration, ChildSearch search, Transfers transfers,
            Guardians guardians, ChildCorrections corrections, Users users, Directory directory, Clock clock) {
        this.access = access;
        this.registration = registration;
        this.search = search;
        this.transfers = transfers;
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
        return "registry/child-form";
    }

    @PostMapping("/children")
    String register(ChildForm form, Model model) {
        var user = users.require();
        if (!(user.scope().unit() instanceof OrgUnit.ServiceUnit unit)) {
            model.addAttribute("form", form);
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
        return "registry/child-form";
    }

    @GetMapping("/children/{id}/transfer")
    String transferForm(@PathVariable UUID id, Model model) {
        var user = users.require();
        // Transfers start at the child's unit, by someone who records children there.
        if (!user.role().recordsChildren() || !(user.scope().unit() instanceof OrgUnit.ServiceUnit from)) {
            throw new Refused("Transfers start at the child's unit");
        }
        var file = access.open(new ChildId(id), user, "transfer");
        if (file.enrolments().stream().noneMatch(e -> e.endedOn() == null && e.unitId().equals(from.id())
                && e.kind() == EnrolmentKind.ENROLLED)) {
            throw new Refused("The child is not enrolled at the user's unit");
        }
        var child = file.child();
        model.addAttribute("child", child);
        model.addAttribute("kindergartens", directory.serviceUnitsIn(child.provinceCode(), ServiceUnitType.KINDERGARTEN, 500));
        model.addAttribute("schools", directory.serviceUnitsIn(child.provinceCode(), ServiceUnitType.SCHOOL, 500));
        model.addAttribute("centers", directory.serviceUnitsIn(child.provinceCode(), ServiceUnitType.EARLY_CHILDHOOD_CENTER, 500));
        return "registry/transfer";
    }

    @PostMapping("/children/{id}/transfer")
    String transfer(@PathVariable UUID id, @RequestParam UUID toUnitId, @RequestParam(required = false) String className,
            @RequestParam(required = false) String note, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        var user = users.require();
        if (!(user.scope().unit() instanceof OrgUnit.ServiceUnit from)) {
            throw new Refused("Transfers start at the child's unit");
        }
        try {
            transfers.transfer(new ChildId(id), from.id(), toUnitId, LocalDate.now(clock.withZone(ThaiDates.BANGKOK)),
                    className, note, user);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorField", e.field());
            return "redirect:/children/" + id + "/transfer";
        }
        return "redirect:/units/" + from.id() + "/roster?transferred=" + id;
    }

    @GetMapping("/units/{unitId}/arrivals")
    String arrivals(@PathVariable UUID unitId, Model model) {
        var user = users.require();
        var arrivals = transfers.arrivals(unitId, user);
        model.addAttribute("unit", directory.serviceUnit(unitId).orElseThrow());
        model.addAttribute("arrivals", arrivals.stream().map(a -> new Arrival(a.transfer(), a.child(),
                directory.serviceUnit(a.transfer().fromUnitId()).orElseThrow())).toList());
        return "registry/arrivals";
    }

    /** A transferred child with where it came from. */
    record Arrival(org.tonkla.registry.Transfer transfer, org.tonkla.registry.Child child,
            org.tonkla.directory.ServiceUnit from) {}

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
