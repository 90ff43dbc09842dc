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
import org.tonkla.recordbook.RecordBook;
import org.tonkla.registry.ChildId;
import tools.jackson.databind.json.JsonMapper;

/** The record-book page of one child, its print version, and the forms that add to it. */
@Controller
class ChildPages {

    private final RecordBook book;
    private final org.tonkla.registry.ChildRegistry registry;
    private final Users users;
    private final Directory directory;
    private final GrowthCharts charts;
    private final JsonMapper json;
    private final Clock clock;

    ChildPages(RecordBook book, org.tonkla.registry.ChildRegistry registry, Users users, Directory directory,
            GrowthCharts charts, JsonMapper json, Clock clock) {
        this.book = book;
        this.registry = registry;
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

    private String render(UUID id, Model model, String view, String purpose) {
        var user = users.require();
        BookView v = book.view(new ChildId(id), user, purpose);
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
        model.addAttribute("canWrite", book.mayWrite(user) && !printView);
        model.addAttribute("canTransfer", book.mayWrite(user) && user.scope().unit() instanceof OrgUnit.ServiceUnit s
                && v.enrolments().stream().anyMatch(e -> e.endedOn() == null && e.unitId().equals(s.id())));
        model.addAttribute("chartData", json.writeValueAsString(charts.of(v.child(), v.measurements())));
        model.addAttribute("accessRows", v.accessLog().stream().map(a -> new AccessRow(a.occurredAt(),
                a.displayName().isBlank() ? a.username() : a.displayName(), a.role(),
                a.unitId() == null ? null : directory.serviceUnit(a.unitId())
                        .map(u -> u.name(org.springframework.context.i18n.LocaleContextHolder.getLocale())).orElse(null),
                a.agencyCode() == null ? null : directory.agency(a.agencyCode())
                        .map(ag -> "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage())
                                ? ag.nameEn() : ag.nameTh()).orElse(a.agencyCode()),
                a.action().name(), a.purpose())).toList());
        model.addAttribute("corrections", registry.corrections(v.child().id()));
        model.addAttribute("photo", registry.photoDataUri(v.child()).orElse(null));
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
            book.recordMeasurement(new ChildId(id), new MeasurementInput(measuredOn, weightKg, lengthCm,
                    position == null || position.isBlank() ? null : position, headCm, armCm, oedema, confirm), users.require());
            redirect.addFlashAttribute("saved", "measurement");
        } catch (ImplausibleMeasurement e) {
            redirect.addFlashAttribute("implausible", e.flags());
            var pending = new LinkedHashMap<String, Object>();
            pending.put("measuredOn", measuredOn);
            pending.put("weightKg", orEmpty(weightKg));
            pending.put("lengthCm", orEmpty(lengthCm));
            pending.put("headCm", orEmpty(headCm));
            pending.put("armCm", orEmpty(armCm));
            redirect.addFlashAttribute("pending", pending);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errorField", "measurement." + e.getMessage());
        }
        return "redirect:/children/" + id + "#growth";
    }

    @PostMapping("/children/{id}/screenings")
    String addScreening(@PathVariable UUID id, @RequestParam LocalDate screenedOn, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        Map<DspmDomain, ScreeningResult> domains = new EnumMap<>(DspmDomain.class);
        try {
            for (DspmDomain d : DspmDomain.values()) {
                String value = form.get(d.name());
                if (value == null || value.isBlank()) continue;
                try {
                    domains.put(d, ScreeningResult.valueOf(value));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("domains." + d.name());
                }
            }
            book.recordScreening(new ChildId(id), screenedOn, domains, users.require());
            redirect.addFlashAttribute("saved", "screening");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errorField", "screening." + e.getMessage().replace("domains.", "domain."));
        }
        return "redirect:/children/" + id + "#development";
    }

    @PostMapping("/children/{id}/immunizations")
    String addImmunization(@PathVariable UUID id, @RequestParam String vaccineCode, @RequestParam LocalDate givenOn,
            @RequestParam(required = false) String lot, RedirectAttributes redirect) {
        try {
            book.recordImmunization(new ChildId(id), vaccineCode, givenOn, lot, users.require());
            redirect.addFlashAttribute("saved", "immunization");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errorField", "immunization." + e.getMessage());
        }
        return "redirect:/children/" + id + "#vaccines";
    }

    @PostMapping("/children/{id}/notes")
    String addNote(@PathVariable UUID id, @RequestParam HealthNote.Kind kind, @RequestParam String description,
            @RequestParam(required = false) LocalDate since, RedirectAttributes redirect) {
        try {
            book.addHealthNote(new ChildId(id), kind, description, since, users.require());
            redirect.addFlashAttribute("saved", "note");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errorField", "note." + e.getMessage());
        }
        return "redirect:/children/" + id + "#notes";
    }

    @PostMapping("/children/{id}/notes/{noteId}/resolve")
    String resolveNote(@PathVariable UUID id, @PathVariable UUID noteId, @RequestParam(required = false) LocalDate resolvedOn,
            RedirectAttributes redirect) {
        try {
            book.resolveHealthNote(new ChildId(id), noteId, resolvedOn == null ? today() : resolvedOn, users.require());
            redirect.addFlashAttribute("saved", "noteResolved");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errorField", "note." + e.getMessage());
        }
        return "redirect:/children/" + id + "#notes";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
    }

    private static Object orEmpty(Double d) {
        return d == null ? "" : d;
    }
}
