package org.tonkla.recordbook.web;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.consent.Purpose;
import org.tonkla.identity.Users;
import org.tonkla.platform.InvalidInput;
import org.tonkla.recordbook.DataExport;
import org.tonkla.recordbook.FamilyView;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.CorrectionRequest;
import org.tonkla.registry.CorrectionRequests;
import org.tonkla.registry.FamilyConsents;
import tools.jackson.databind.json.JsonMapper;

/**
 * The family's own pages of a child ({@code /family/children/{id}}, guardians only): the record book on a
 * phone, what is due, play at home, who opened the record, consent, the copy of the data and correction
 * requests.
 */
@Controller
class FamilyPages {

    /** How many of the latest accesses the child's page lists before the link to the whole log. */
    static final int LATEST_ACCESSES = 5;

    private final FamilyView family;
    private final DataExport export;
    private final FamilyConsents consents;
    private final CorrectionRequests corrections;
    private final AccessRows rows;
    private final GrowthSummaryText summaryText;
    private final Users users;
    private final JsonMapper json;
    private final java.time.Clock clock;

    FamilyPages(FamilyView family, DataExport export, FamilyConsents consents, CorrectionRequests corrections,
            AccessRows rows, GrowthSummaryText summaryText, Users users, JsonMapper json, java.time.Clock clock) {
        this.rows = rows;
        this.summaryText = summaryText;
        this.clock = clock;
        this.family = family;
        this.export = export;
        this.consents = consents;
        this.corrections = corrections;
        this.users = users;
        this.json = json;
    }

    @GetMapping("/family/children/{id}")
    String child(@PathVariable UUID id, Model model) {
        var f = family.open(new ChildId(id), users.require());
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("f", f);
        model.addAttribute("book", f.book());
        Period age = Period.between(f.book().child().dateOfBirth(), LocalDate.now(clock));
        model.addAttribute("ageYears", age.getYears());
        model.addAttribute("ageMonths", age.getMonths());
        // The latest few here; the whole log, with its filters, on its own page.
        model.addAttribute("accessRows", rows.of(f.others().stream().limit(LATEST_ACCESSES).toList(), locale));
        model.addAttribute("accessCount", f.others().size());
        model.addAttribute("summary", summaryText.of(f.summary(), f.book().child(), locale));
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("kinds", CorrectionRequest.Kind.values());
        return "family/child";
    }

    @GetMapping(value = "/family/children/{id}/export.json")
    ResponseEntity<byte[]> export(@PathVariable UUID id) {
        var copy = export.of(new ChildId(id), users.require());
        byte[] body = json.writeValueAsBytes(copy);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("tonkla-" + id + "-" + copy.exportedAt().toString().substring(0, 10) + ".json").build()
                        .toString())
                .body(body);
    }

    @PostMapping("/family/children/{id}/consents")
    String consent(@PathVariable UUID id, @RequestParam(required = false) Purpose purpose,
            @RequestParam(required = false) Boolean given, RedirectAttributes redirect) {
        var user = users.require();
        if (user.role() != org.tonkla.identity.Role.GUARDIAN) throw new org.tonkla.platform.Refused("The family's page");
        consents.record(new ChildId(id), purpose, given, null, null, null, user);
        redirect.addFlashAttribute("saved", Boolean.TRUE.equals(given) ? "family.consent.given" : "family.consent.withdrawn");
        return "redirect:/family/children/" + id + "#consents";
    }

    @PostMapping("/family/children/{id}/correction-requests")
    String requestCorrection(@PathVariable UUID id, @RequestParam(required = false) CorrectionRequest.Kind kind,
            @RequestParam(required = false) String factId, @RequestParam(required = false) String field,
            @RequestParam(required = false) String description, RedirectAttributes redirect) {
        try {
            UUID fact;
            try {
                fact = factId == null || factId.isBlank() ? null : UUID.fromString(factId.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("factId", "the id of the entry, as shown beside it");
            }
            corrections.request(new ChildId(id), users.require(), kind, fact, field, description);
            redirect.addFlashAttribute("saved", "family.correction.sent");
        } catch (InvalidInput e) {
            // Back to the form with what was typed and the field named, never a dead end.
            redirect.addFlashAttribute("correctionError", e.field());
            redirect.addFlashAttribute("typed", java.util.Map.of("kind", kind == null ? "" : kind.name(),
                    "factId", factId == null ? "" : factId, "field", field == null ? "" : field,
                    "description", description == null ? "" : description));
        }
        return "redirect:/family/children/" + id + "#corrections";
    }
}
