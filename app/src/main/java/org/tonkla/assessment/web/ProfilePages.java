package org.tonkla.assessment.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.assessment.AssessmentRefused;
import org.tonkla.assessment.CenterProfile;
import org.tonkla.assessment.CenterProfiles;
import org.tonkla.assessment.CenterProfiles.ProfileForm;
import org.tonkla.assessment.CenterProfiles.StaffForm;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Users;

/** The center's Part 1 data: profile, staff records and photos. */
@Controller
class ProfilePages {

    private final CenterProfiles profiles;
    private final Directory directory;
    private final Users users;

    ProfilePages(CenterProfiles profiles, Directory directory, Users users) {
        this.profiles = profiles;
        this.directory = directory;
        this.users = users;
    }

    @GetMapping("/assessment/centers/{unitId}/profile")
    String profile(@PathVariable UUID unitId, Model model) {
        CurrentUser user = users.require();
        var unit = directory.serviceUnit(unitId)
                .orElseThrow(() -> new org.tonkla.platform.NotFound("service unit"));
        model.addAttribute("unit", unit);
        model.addAttribute("profile", profiles.profile(unitId, user));
        model.addAttribute("agency", directory.agency(unit.agencyCode()).orElse(null));
        model.addAttribute("lineage", directory.lineage(unit.subdistrictCode()));
        model.addAttribute("mayEdit", profiles.mayEdit(user, unitId));
        model.addAttribute("staffRoles", CenterProfile.StaffRole.values());
        model.addAttribute("qualifications", CenterProfile.Qualification.values());
        model.addAttribute("caresFor", CenterProfile.CaresFor.values());
        return "assessment/profile";
    }

    @PostMapping("/assessment/centers/{unitId}/profile")
    String save(@PathVariable UUID unitId, @RequestParam(required = false) String address,
            @RequestParam(required = false) String capacity, @RequestParam(required = false) String classrooms,
            @RequestParam(defaultValue = "false") boolean servesUnderThree,
            @RequestParam(defaultValue = "false") boolean servesThreeToSix, RedirectAttributes redirect) {
        requireEdit(unitId);
        try {
            profiles.save(unitId, new ProfileForm(address, number(capacity, "capacity"), number(classrooms, "classrooms"),
                    servesUnderThree, servesThreeToSix), users.require());
            redirect.addFlashAttribute("done", "assessment.profile.saved");
        } catch (AssessmentRefused | org.tonkla.platform.InvalidInput e) {
            if (e instanceof AssessmentRefused refused) Flash.refusal(redirect, refused);
            else Flash.invalid(redirect, (org.tonkla.platform.InvalidInput) e);
            redirect.addFlashAttribute("typedProfile", typed(address, capacity, classrooms, servesUnderThree, servesThreeToSix));
        }
        return "redirect:/assessment/centers/" + unitId + "/profile";
    }

    /** What was typed in a refused profile form, shown again in place of what is stored (no value lost). */
    private static Map<String, Object> typed(String address, String capacity, String classrooms, boolean underThree, boolean threeToSix) {
        var typed = new HashMap<String, Object>();
        typed.put("address", address);
        typed.put("capacity", capacity);
        typed.put("classrooms", classrooms);
        typed.put("servesUnderThree", underThree);
        typed.put("servesThreeToSix", threeToSix);
        return typed;
    }

    @PostMapping("/assessment/centers/{unitId}/staff")
    String addStaff(@PathVariable UUID unitId, @RequestParam(required = false) String fullName,
            @RequestParam(required = false) CenterProfile.StaffRole role,
            @RequestParam(required = false) CenterProfile.Qualification qualification,
            @RequestParam(required = false) String trainingHours,
            @RequestParam(required = false) CenterProfile.CaresFor caresFor, RedirectAttributes redirect) {
        requireEdit(unitId);
        try {
            profiles.addStaff(unitId, new StaffForm(fullName, role, qualification, number(trainingHours, "trainingHours"),
                    caresFor), users.require());
            redirect.addFlashAttribute("done", "assessment.staff.added");
        } catch (AssessmentRefused | org.tonkla.platform.InvalidInput e) {
            if (e instanceof AssessmentRefused refused) Flash.refusal(redirect, refused);
            else Flash.invalid(redirect, (org.tonkla.platform.InvalidInput) e);
            // The staff member's other fields stay as typed; only the refused one needs changing.
            var typed = new HashMap<String, Object>();
            typed.put("fullName", fullName);
            typed.put("role", role == null ? null : role.name());
            typed.put("qualification", qualification == null ? null : qualification.name());
            typed.put("trainingHours", trainingHours);
            typed.put("caresFor", caresFor == null ? null : caresFor.name());
            redirect.addFlashAttribute("typedStaff", typed);
        }
        return "redirect:/assessment/centers/" + unitId + "/profile";
    }

    @PostMapping("/assessment/centers/{unitId}/staff/{staffId}/leave")
    String removeStaff(@PathVariable UUID unitId, @PathVariable UUID staffId) {
        profiles.removeStaff(unitId, staffId, users.require());
        return "redirect:/assessment/centers/" + unitId + "/profile";
    }

    @PostMapping("/assessment/centers/{unitId}/photos")
    String addPhoto(@PathVariable UUID unitId, @RequestParam("photo") MultipartFile photo,
            @RequestParam(required = false) String caption, RedirectAttributes redirect) {
        try {
            profiles.addPhoto(unitId, photo.getOriginalFilename(), photo.getBytes(), caption, users.require());
            redirect.addFlashAttribute("done", "assessment.photo.added");
        } catch (AssessmentRefused e) {
            Flash.refusal(redirect, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/assessment/centers/" + unitId + "/profile";
    }

    @GetMapping("/assessment/centers/{unitId}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable UUID unitId, @PathVariable UUID photoId) {
        return AssessmentPages.download(profiles.photo(unitId, photoId, users.require()));
    }

    /** Who may not keep the profile is refused before the values are read, so a refusal of a value tells them nothing. */
    private void requireEdit(UUID unitId) {
        if (!profiles.mayEdit(users.require(), unitId)) throw new org.tonkla.platform.Refused("Only the center's own staff keep its profile");
    }

    private static Integer number(String text, String field) {
        if (text == null || text.isBlank()) return null;
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new org.tonkla.platform.InvalidInput(field, "a whole number");
        }
    }
}
