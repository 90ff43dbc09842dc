package org.tonkla.recordbook.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.core.development.DspmDomain;
import org.tonkla.core.development.ScreeningResult;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Users;
import org.tonkla.platform.ThaiDates;
import org.tonkla.recordbook.BookView;
import org.tonkla.recordbook.HealthNote;
import org.tonkla.recordbook.ImplausibleMeasurement;
import org.tonkla.recordbook.MeasurementInput;
import org.tonkla.platform.InvalidInput;
import org.tonkla.recordbook.Growth;
import org.tonkla.recordbook.HealthNotes;
import org.tonkla.recordbook.Immunizations;
import org.tonkla.recordbook.RecordBook;
import org.tonkla.recordbook.Screenings;
import org.tonkla.registry.ChildCorrections;
import org.tonkla.registry.ChildId;
import tools.jackson.databind.json.JsonMapper;

/** The record-book page of one child, its print version, and the forms that add to it. */
@Controller
class ChildPages {

    private final RecordBook book;
    private final Growth growth;
    private final Screenings screenings;
    private final Immunizations immunizations;
    private final HealthNotes notes;
    private final ChildCorrections corrections;
    private final Users users;
    private final Directory directory;
    private final GrowthCharts charts;
    private final JsonMapper json;
    private final Clock clock;

    ChildPages(RecordBook book, Growth growth, Screenings screenings, Immunizations immunizations, HealthNotes notes,
            ChildCorrections corrections, Users users, Directory directory, GrowthCharts charts, JsonMapper json,
            Clock clock) {
        this.book = book;
        this.growth = growth;
        this.screenings = screenings;
        this.immunizations = immunizations;
        this.notes = notes;
        this.corrections = corrections;
        this.users = users;
        this.directory = directory;
        this.charts = charts;
        this.json = json;
        this.clock = clock;
    }

    /** One line of "who looked at my child's data", with names instead of ids. */
    record AccessRow(Instant occurredAt, String displayName, String role, String unitName, String agencyName,
            String action, String purpose) {}

    @GetMapping("/children/{id}")
    String page(@PathVariable UUID id, Model model) {
        return render(id, model, "recordbook/child", "care");
    }

    @GetMapping("/children/{id}/print")
    String print(@PathVariable UUID id, Model model) {
        model.addAttribute("printView", true);
        return render(id, model, "recordbook/child", "print");
    }

    /** The form to open a record outside scope or agreements in an emergency, with a reason. */
    @GetMapping("/children/{id}/emergency")
    String emergencyForm(@PathVariable UUID id, Model model) {
        model.addAttribute("childId", id);
        return "recordbook/emergency";
    }

    @PostMapping("/children/{id}/emergency")
    String emergency(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model) {
        var user = users.require();
        try {
            return render(book.viewInEmergency(new ChildId(id), user, reason), user, model, "recordbook/child");
        } catch (InvalidInput e) {
            model.addAttribute("childId", id);
            model.addAttribute("reason", reason);
            model.addAttribute("errorField", e.field());
            return "recordbook/emergency";
        }
    }

    private String render(UUID id, Model model, String view, String purpose) {
        var user = users.require();
        return render(book.view(new ChildId(id), user, purpose), user, model, view);
    }

    private String render(BookView v, org.tonkla.identity.CurrentUser user, Model model, String view) {
        LocalDate today = today();
        Period age = Period.between(v.child().dateOfBirth(), today);
        Map<UUID, ServiceUnit> units = v.enrolments().stream().map(e -> e.unitId()).distinct()
                .map(directory::serviceUnit).flatMap(Optional::stream)
                .collect(Collectors.toMap(ServiceUnit::id, Function.identity()));
        model.addAttribute("book", v);
        model.addAttribute("units", units);
        model.addAttribute("today", today);
        model.addAttribute("ageYears", age.getYears());
        model.addAttribute("ageMonths", age.getMonths());
        boolean printView = Boolean.TRUE.equals(model.getAttribute("printView"));
        boolean writes = book.mayWrite(user) && book.mayWrite(user, v.child().id());
        model.addAttribute("canWrite", writes && !printView);
        model.addAttribute("canTransfer", writes && user.scope().unit() instanceof OrgUnit.ServiceUnit s
                && v.enrolments().stream().anyMatch(e -> e.endedOn() == null && e.unitId().equals(s.id())));
        model.addAttribute("replacedSameDay", org.tonkla.recordbook.Measurement.replacedSameDay(v.measurements()));
        model.addAttribute("daysMeasuredTwice", org.tonkla.recordbook.Measurement.daysMeasuredTwice(v.measurements()));
        model.addAttribute("chartData", json.writeValueAsString(charts.of(v.child(), v.measurements())));
        model.addAttribute("accessRows", v.accessLog().stream().map(a -> new AccessRow(a.occurredAt(),
                a.displayName().isBlank() ? a.username() : a.displayName(), a.role(),
                a.unitId() == null ? null : directory.serviceUnit(a.unitId())
                        .map(u -> u.name(org.springframework.context.i18n.LocaleContextHolder.getLocale())).orElse(null),
                a.agencyCode() == null ? null : directory.agency(a.agencyCode())
                        .map(ag -> "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage())
                                ? ag.nameEn() : ag.nameTh()).orElse(a.agencyCode()),
                a.action().name(), a.purpose())).toList());
        model.addAttribute("corrections", corrections.corrections(v.file()));
        model.addAttribute("photo", corrections.photoDataUri(v.file()).orElse(null));
        model.addAttribute("domains", DspmDomain.values());
        model.addAttribute("results", ScreeningResult.values());
        model.addAttribute("noteKinds", HealthNote.Kind.values());
        return view;
    }

    @PostMapping("/children/{id}/measurements")
    String addMeasurement(@PathVariable UUID id, @RequestParam LocalDate measuredOn,
            @RequestParam(required = false) Double weightKg, @RequestParam(required = false) Double lengthCm,
            @RequestParam(required = false) String position, @RequestParam(required = false) Double headCm,
            @RequestParam(required = false) Double armCm, @RequestParam(defaultValue = "false") boolean oedema,
            @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
        try {
            growth.record(new ChildId(id), new MeasurementInput(measuredOn, weightKg, lengthCm,
                    position == null || position.isBlank() ? null : position, headCm, armCm, oedema, confirm), users.require());
            redirect.addFlashAttribute("saved", "measurement");
        } catch (ImplausibleMeasurement e) {
            redirect.addFlashAttribute("implausible", e.flags());
            redirect.addFlashAttribute("pending", typed(measuredOn, weightKg, lengthCm, headCm, armCm));
        } catch (InvalidInput e) {
            // The form comes back with what was typed: a rejected value is corrected, not typed again.
            redirect.addFlashAttribute("pending", typed(measuredOn, weightKg, lengthCm, headCm, armCm));
            redirect.addFlashAttribute("errorField", "measurement." + e.field());
        }
        return "redirect:/children/" + id + "#growth";
    }

    private static Map<String, Object> typed(LocalDate measuredOn, Double weightKg, Double lengthCm, Double headCm,
            Double armCm) {
        var pending = new LinkedHashMap<String, Object>();
        pending.put("measuredOn", measuredOn);
        pending.put("weightKg", orEmpty(weightKg));
        pending.put("lengthCm", orEmpty(lengthCm));
        pending.put("headCm", orEmpty(headCm));
        pending.put("armCm", orEmpty(armCm));
        return pending;
    }

    @PostMapping("/children/{id}/screenings")
    String addScreening(@PathVariable UUID id, @RequestParam LocalDate screenedOn, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        Map<DspmDomain, ScreeningResult> domains = new EnumMap<>(DspmDomain.class);
        try {
            for (DspmDomain d : DspmDomain.values()) {
                String value = form.get(d.name());
                if (value == null || value.isBlank()) continue;
                var result = java.util.Arrays.stream(ScreeningResult.values()).filter(r -> r.name().equals(value)).findFirst();
                if (result.isEmpty()) throw new InvalidInput("domains." + d.name(), "NORMAL, SUSPECTED_DELAY or REFER_NOW");
                domains.put(d, result.get());
            }
            screenings.record(new ChildId(id), screenedOn, domains, users.require());
            redirect.addFlashAttribute("saved", "screening");
        } catch (InvalidInput e) {
            // As with a measurement: the form comes back as typed, the error beside the field (tonkla.js).
            var pending = new LinkedHashMap<String, Object>();
            pending.put("screenedOn", screenedOn);
            for (DspmDomain d : DspmDomain.values()) pending.put(d.name(), form.getOrDefault(d.name(), ""));
            redirect.addFlashAttribute("pendingScreening", pending);
            redirect.addFlashAttribute("errorField", "screening." + e.field().replace("domains.", "domain."));
        }
        return "redirect:/children/" + id + "#development";
    }

    @PostMapping("/children/{id}/immunizations")
    String addImmunization(@PathVariable UUID id, @RequestParam String vaccineCode, @RequestParam LocalDate givenOn,
            @RequestParam(required = false) String lot, RedirectAttributes redirect) {
        try {
            immunizations.record(new ChildId(id), vaccineCode, givenOn, lot, users.require());
            redirect.addFlashAttribute("saved", "immunization");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("pendingVaccine", Map.of("vaccineCode", vaccineCode, "givenOn", givenOn,
                    "lot", lot == null ? "" : lot));
            redirect.addFlashAttribute("errorField", "immunization." + e.field());
        }
        return "redirect:/children/" + id + "#vaccines";
    }

    @PostMapping("/children/{id}/notes")
    String addNote(@PathVariable UUID id, @RequestParam HealthNote.Kind kind, @RequestParam String description,
            @RequestParam(required = false) LocalDate since, RedirectAttributes redirect) {
        try {
            notes.add(new ChildId(id), kind, description, since, users.require());
            redirect.addFlashAttribute("saved", "note");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("pendingNote", Map.of("kind", kind.name(), "description", description));
            redirect.addFlashAttribute("errorField", "note." + e.field());
        }
        return "redirect:/children/" + id + "#notes";
    }

    @PostMapping("/children/{id}/notes/{noteId}/resolve")
    String resolveNote(@PathVariable UUID id, @PathVariable UUID noteId, @RequestParam(required = false) LocalDate resolvedOn,
            RedirectAttributes redirect) {
        try {
            notes.resolve(new ChildId(id), noteId, resolvedOn == null ? today() : resolvedOn, users.require());
            redirect.addFlashAttribute("saved", "noteResolved");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorField", "note." + e.field());
        }
        return "redirect:/children/" + id + "#notes";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
    }

    /** A number as the user typed it back into its field: 300, not 300.0. */
    private static Object orEmpty(Double d) {
        return d == null ? "" : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
