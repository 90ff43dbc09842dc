package org.tonkla.recordbook.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.core.development.DspmDomain;
import org.tonkla.core.development.ScreeningResult;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.identity.Users;
import org.tonkla.platform.ThaiDates;
import org.tonkla.recordbook.HealthNote;
import org.tonkla.recordbook.ImplausibleMeasurement;
import org.tonkla.recordbook.MeasurementInput;
import org.tonkla.recordbook.RecordBook;
import org.tonkla.registry.ChildId;

/** The record-book page of one child, its print version, and the forms that add to it. */
@Controller
class ChildPages {

    private final RecordBook book;
    private final Users users;
    private final Directory directory;
    private final Clock clock;

    ChildPages(RecordBook book, Users users, Directory directory, Clock clock) {
        this.book = book;
        this.users = users;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/children/{id}")
    String page(@PathVariable UUID id, Model model) {
        return render(id, model, "recordbook/child", "care");
    }

    @GetMapping("/children/{id}/print")
    String print(@PathVariable UUID id, Model model) {
        return render(id, model, "recordbook/print", "print");
    }

    private String render(UUID id, Model model, String view, String purpose) {
        var v = book.view(new ChildId(id), users.require(), purpose);
        model.addAttribute("book", v);
        model.addAttribute("units", v.enrolments().stream().map(e -> e.unitId()).distinct()
                .map(directory::serviceUnit).flatMap(java.util.Optional::stream)
                .collect(java.util.stream.Collectors.toMap(ServiceUnit::id, u -> u)));
        model.addAttribute("today", LocalDate.now(clock.withZone(ThaiDates.BANGKOK)));
        model.addAttribute("domains", DspmDomain.values());
        model.addAttribute("results", ScreeningResult.values());
        model.addAttribute("noteKinds", HealthNote.Kind.values());
        return view;
    }

    /** Chart data: the child's z-scores by age in months, per indicator. */
    @GetMapping("/children/{id}/growth.json")
    @ResponseBody
    Map<String, List<double[]>> growth(@PathVariable UUID id) {
        var v = book.view(new ChildId(id), users.require(), "growth-chart");
        Map<String, List<double[]>> series = new java.util.LinkedHashMap<>();
        for (var m : v.measurements()) {
            double months = Math.round(m.ageDays() / 30.4375 * 10) / 10.0;
            add(series, "wfa", months, m.zWfa());
            add(series, "lhfa", months, m.zLhfa());
            add(series, "wflh", months, m.zWflh());
            add(series, "bfa", months, m.zBfa());
        }
        return series;
    }

    private static void add(Map<String, List<double[]>> series, String key, double x, Double y) {
        if (y != null) series.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(new double[] {x, y});
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
            redirect.addFlashAttribute("pending", Map.of("measuredOn", measuredOn, "weightKg", orEmpty(weightKg),
                    "lengthCm", orEmpty(lengthCm), "headCm", orEmpty(headCm), "armCm", orEmpty(armCm)));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errorField", "measurement." + e.getMessage());
        }
        return "redirect:/children/" + id + "#growth";
    }

    @PostMapping("/children/{id}/screenings")
    String addScreening(@PathVariable UUID id, @RequestParam LocalDate screenedOn, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        Map<DspmDomain, ScreeningResult> domains = new EnumMap<>(DspmDomain.class);
        for (DspmDomain d : DspmDomain.values()) {
            String value = form.get(d.name());
            if (value != null && !value.isBlank()) domains.put(d, ScreeningResult.valueOf(value));
        }
        try {
            book.recordScreening(new ChildId(id), screenedOn, domains, users.require());
            redirect.addFlashAttribute("saved", "screening");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errorField", "screening." + e.getMessage().replace("domains.", "domain"));
        }
        return "redirect:/children/" + id + "#development";
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

    private static Object orEmpty(Double d) {
        return d == null ? "" : d;
    }
}
