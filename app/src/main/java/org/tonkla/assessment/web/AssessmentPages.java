package org.tonkla.assessment.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.assessment.AssessmentRefused;
import org.tonkla.assessment.AssessmentSheet;
import org.tonkla.assessment.AssessmentSheet.ReviewMark;
import org.tonkla.assessment.CenterAssessments;
import org.tonkla.assessment.Drafts.PlanInput;
import org.tonkla.assessment.Drafts.RatingInput;
import org.tonkla.assessment.Reviews.Decision;
import org.tonkla.assessment.Reviews.ReviewInput;
import org.tonkla.assessment.CenterProfiles;
import org.tonkla.assessment.FileContent;
import org.tonkla.assessment.Monitoring;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.DspmOutcomeBands;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Users;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Refused;

/**
 * The center's pages (overview, the year's assessment: rate, note, evidence, plan, save, submit)
 * and the officer's review on the same assessment page. Form fields are named {@code level|KEY},
 * {@code note|KEY}, {@code plan.action|KEY}, {@code review|KEY}… with the item key after the bar.
 */
@Controller
class AssessmentPages {

    private final CenterAssessments assessments;
    private final CenterProfiles profiles;
    private final Monitoring monitoring;
    private final Directory directory;
    private final Users users;
    private final org.tonkla.assessment.AssessmentProperties properties;

    AssessmentPages(CenterAssessments assessments, CenterProfiles profiles, Monitoring monitoring, Directory directory,
            Users users, org.tonkla.assessment.AssessmentProperties properties) {
        this.properties = properties;
        this.assessments = assessments;
        this.profiles = profiles;
        this.monitoring = monitoring;
        this.directory = directory;
        this.users = users;
    }

    /** Where "the standard" leads each role: a center to its own page, an officer to monitoring. */
    @GetMapping("/assessment")
    String start() {
        CurrentUser user = users.require();
        if (user.scope().unit() instanceof OrgUnit.ServiceUnit own) return "redirect:/assessment/centers/" + own.id();
        if (monitoring.mayMonitor(user)) return "redirect:/assessment/monitoring";
        throw new Refused("No assessment pages for this role");
    }

    @GetMapping("/assessment/centers/{unitId}")
    String center(@PathVariable UUID unitId, Model model) {
        CurrentUser user = users.require();
        ServiceUnit unit = unit(unitId);
        model.addAttribute("unit", unit);
        model.addAttribute("years", assessments.years(unitId, user));
        model.addAttribute("profile", profiles.profile(unitId, user));
        model.addAttribute("currentYear", assessments.currentYearBe());
        model.addAttribute("mayOpen", assessments.maySubmit(user, unitId));
        model.addAttribute("mayEditProfile", profiles.mayEdit(user, unitId));
        return "assessment/center";
    }

    @PostMapping("/assessment/centers/{unitId}/open")
    String open(@PathVariable UUID unitId, @RequestParam int year, RedirectAttributes redirect) {
        try {
            assessments.open(unitId, year, users.require());
        } catch (AssessmentRefused e) {
            Flash.refusal(redirect, e);
            return "redirect:/assessment/centers/" + unitId;
        }
        return "redirect:/assessment/centers/" + unitId + "/" + year;
    }

    @GetMapping("/assessment/centers/{unitId}/{year:\\d{4}}")
    String sheet(@PathVariable UUID unitId, @PathVariable int year, Model model) {
        CurrentUser user = users.require();
        ServiceUnit unit = unit(unitId);
        AssessmentSheet sheet = assessments.sheet(unitId, year, user)
                .orElseThrow(() -> new NotFound("assessment of " + year));
        model.addAttribute("unit", unit);
        model.addAttribute("sheet", sheet);
        model.addAttribute("levels", ItemLevel.values());
        model.addAttribute("bands", List.of(DspmOutcomeBands.BASIC_FROM, DspmOutcomeBands.GOOD_FROM, DspmOutcomeBands.VERY_GOOD_FROM));
        model.addAttribute("maxUnderThree", properties.maxChildrenPerCaregiverUnderThree());
        model.addAttribute("maxThreeToSix", properties.maxChildrenPerCaregiverThreeToSix());
        model.addAttribute("marks", ReviewMark.values());
        model.addAttribute("mayEdit", assessments.mayEdit(user, unitId));
        model.addAttribute("maySubmit", assessments.maySubmit(user, unitId));
        model.addAttribute("mayReview", assessments.mayReview(user, unitId)
                && org.tonkla.assessment.AssessmentCycle.withOfficer(sheet.status()));
        return "assessment/sheet";
    }

    /**
     * The center's form: ratings, notes, plans and evidence; {@code action=submit} also submits.
     * Plan entries left incomplete are reported by item and what was typed into them comes back in
     * the form (they are not saved); everything else is saved, and nothing is submitted. The form
     * carries the revision of the sheet it was shown with: when someone else changed the assessment's
     * state since, nothing is saved and the page says so.
     */
    @PostMapping("/assessment/{id}/save")
    String save(@PathVariable UUID id, @RequestParam Map<String, String> form, jakarta.servlet.http.HttpServletRequest request,
            RedirectAttributes redirect) {
        CurrentUser user = users.require();
        AssessmentSheet sheet = assessments.sheet(id, user);
        // Refused before the form is judged: a reader of the sheet gets 403, not a message about its input.
        if (!assessments.mayEdit(user, sheet.unitId())) throw new Refused("Only the center's staff edit its assessment");
        String back = "redirect:/assessment/centers/" + sheet.unitId() + "/" + sheet.yearBe();
        Map<String, RatingInput> ratings = new HashMap<>();
        Map<String, PlanInput> plans = new HashMap<>();
        try {
            int revision = revision(form);
            for (CatalogueItem item : sheet.applicableItems()) {
                String key = item.key();
                if (form.containsKey("level|" + key) || form.containsKey("note|" + key)) {
                    ratings.put(key, new RatingInput(level(form.get("level|" + key), key), form.get("note|" + key)));
                }
                if (form.containsKey("plan.action|" + key)) {
                    plans.put(key, new PlanInput(form.get("plan.action|" + key), form.get("plan.owner|" + key),
                            date(form.get("plan.due|" + key), key)));
                }
            }
            List<String> incomplete = assessments.saveDraft(id, revision, ratings, plans, user);
            var uploads = request instanceof MultipartHttpServletRequest multipart
                    ? multipart.getMultiFileMap() : new org.springframework.util.LinkedMultiValueMap<String, MultipartFile>();
            for (Map.Entry<String, List<MultipartFile>> files : uploads.entrySet()) {
                if (!files.getKey().startsWith("evidence|")) continue;
                String key = files.getKey().substring("evidence|".length());
                for (MultipartFile file : files.getValue()) {
                    if (file.isEmpty()) continue;
                    assessments.addEvidence(id, revision, key, file.getOriginalFilename(), file.getBytes(), user);
                }
            }
            boolean submit = "submit".equals(form.get("action"));
            if (!incomplete.isEmpty()) {
                redirect.addFlashAttribute("done", "assessment.saved");
                Flash.refusal(redirect, new AssessmentRefused(submit ? "assessment.error.planIncomplete.notSubmitted"
                        : "assessment.error.planIncomplete", incomplete));
                // Plain strings: flash attributes live in the (JDBC-stored) session until the page shows them.
                HashMap<String, String> typed = new HashMap<>();
                for (String key : incomplete) {
                    for (String field : List.of("plan.action|", "plan.owner|", "plan.due|")) {
                        String value = form.get(field + key);
                        if (value != null) typed.put(field + key, value);
                    }
                }
                redirect.addFlashAttribute("typed", typed);
            } else if (submit) {
                assessments.submit(id, revision, user);
                redirect.addFlashAttribute("done", "assessment.submitted");
            } else {
                redirect.addFlashAttribute("done", "assessment.saved");
            }
        } catch (AssessmentRefused e) {
            Flash.refusal(redirect, e);
        } catch (Conflict e) {
            Flash.conflict(redirect, e);
        } catch (InvalidInput e) {
            Flash.invalid(redirect, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return back;
    }

    /** The officer's form: a mark and comment per item; {@code decision} SAVE, RETURN or ACCEPT. */
    @PostMapping("/assessment/{id}/review")
    String review(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = users.require();
        AssessmentSheet sheet = assessments.sheet(id, user);
        if (!assessments.mayReview(user, sheet.unitId())) throw new Refused("Only a reviewing officer reviews");
        try {
            Map<String, ReviewInput> marks = new HashMap<>();
            for (CatalogueItem item : sheet.applicableItems()) {
                String key = item.key();
                if (!form.containsKey("review|" + key) && !form.containsKey("comment|" + key)) continue;
                marks.put(key, new ReviewInput(mark(form.get("review|" + key), key), form.get("comment|" + key)));
            }
            Decision decision = decision(form.getOrDefault("decision", "SAVE"));
            assessments.review(id, revision(form), marks, decision, form.get("comment"), user);
            redirect.addFlashAttribute("done", "assessment.review." + decision.name());
        } catch (AssessmentRefused e) {
            Flash.refusal(redirect, e);
        } catch (Conflict e) {
            Flash.conflict(redirect, e);
        } catch (InvalidInput e) {
            Flash.invalid(redirect, e);
        }
        return "redirect:/assessment/centers/" + sheet.unitId() + "/" + sheet.yearBe();
    }

    @PostMapping("/assessment/{id}/plan-done")
    String planDone(@PathVariable UUID id, @RequestParam String item, RedirectAttributes redirect) {
        CurrentUser user = users.require();
        AssessmentSheet sheet = assessments.sheet(id, user);
        try {
            assessments.markPlanDone(id, item, user);
            redirect.addFlashAttribute("done", "assessment.plan.marked");
        } catch (AssessmentRefused e) {
            Flash.refusal(redirect, e);
        }
        return "redirect:/assessment/centers/" + sheet.unitId() + "/" + sheet.yearBe();
    }

    @GetMapping("/assessment/evidence/{id}")
    ResponseEntity<byte[]> evidence(@PathVariable UUID id) {
        FileContent file = assessments.evidence(id, users.require());
        return download(file);
    }

    static ResponseEntity<byte[]> download(FileContent file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename*=UTF-8''"
                        + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .body(file.bytes());
    }

    private ServiceUnit unit(UUID unitId) {
        return directory.serviceUnit(unitId)
                .orElseThrow(() -> new NotFound("service unit"));
    }

    // The page offers only radio buttons for these; anything else was made by hand, and is answered
    // on the page, naming the item, rather than with an error page.

    private static ItemLevel level(String text, String key) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        if (!t.matches("[0-3]")) throw new InvalidInput("level|" + key, "a level from 0 to 3");
        return ItemLevel.ofScore(Integer.parseInt(t));
    }

    private static ReviewMark mark(String text, String key) {
        if (text == null || text.isBlank()) return null;
        for (ReviewMark m : ReviewMark.values()) if (m.name().equals(text.strip())) return m;
        throw new InvalidInput("review|" + key, "one of " + List.of(ReviewMark.values()));
    }

    private static Decision decision(String text) {
        for (Decision d : Decision.values()) if (d.name().equals(text.strip())) return d;
        throw new InvalidInput("decision", "one of " + List.of(Decision.values()));
    }

    private static LocalDate date(String text, String key) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("plan.due|" + key, "a date (yyyy-mm-dd, CE)");
        }
    }

    /** The revision of the sheet the form was shown with (a hidden field). */
    private static int revision(Map<String, String> form) {
        String text = form.get("revision");
        if (text == null || !text.strip().matches("\\d{1,9}")) {
            throw new InvalidInput("revision", "the revision of the assessment as shown (a whole number)");
        }
        return Integer.parseInt(text.strip());
    }
}
