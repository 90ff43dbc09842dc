package org.tonkla.recordbook.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tonkla.directory.Directory;
import org.tonkla.identity.Users;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.ThaiDates;
import org.tonkla.recordbook.Growth;
import org.tonkla.recordbook.Measurement;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.ChildSearch;
import org.tonkla.registry.RosterEntry;

/**
 * Issue 10 §6: the teacher's class nutrition summary to print, from the roster: each child with the latest
 * weight and height and their date, and the WHO status words; at the top how many children are in each
 * status (a child may be in two, e.g. เตี้ย and ผอม), how many are normal and how many not measured yet.
 * Whoever may open the roster may print it; the children listed are logged as shown, as on the roster.
 */
@Controller
class ClassSummaryPage {

    /** One child's line: the entry, age in months today, the latest measurement (null: never measured). */
    record Line(RosterEntry entry, long ageMonths, Measurement latest) {}

    /** Counts at the top, by status key (growth.class.*), NORMAL and NONE (not measured) included. */
    private static final String NORMAL = "NORMAL";
    private static final String NONE = "NONE";

    private final ChildSearch children;
    private final Growth growth;
    private final Users users;
    private final Directory directory;
    private final Clock clock;

    ClassSummaryPage(ChildSearch children, Growth growth, Users users, Directory directory, Clock clock) {
        this.children = children;
        this.growth = growth;
        this.users = users;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/units/{unitId}/nutrition-summary")
    String summary(@PathVariable UUID unitId, @RequestParam(required = false) String className, Model model) {
        var user = users.require();
        var unit = directory.serviceUnit(unitId).orElseThrow(() -> new NotFound("service unit"));
        LocalDate today = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
        String chosen = className == null || className.isBlank() ? null : className.strip();
        List<RosterEntry> entries = children.roster(unitId, chosen, user, "roster");
        Map<ChildId, Measurement> latest = growth.latestOf(entries);
        List<Line> lines = entries.stream()
                .map(e -> new Line(e, ChronoUnit.MONTHS.between(e.child().dateOfBirth(), today), latest.get(e.child().id())))
                .toList();
        model.addAttribute("unit", unit);
        model.addAttribute("className", chosen);
        model.addAttribute("lines", lines);
        model.addAttribute("counts", counts(lines));
        model.addAttribute("today", today);
        model.addAttribute("printView", true);
        return "recordbook/class-summary";
    }

    /** Children per status, most common first; a child with two statuses counts in both. */
    static Map<String, Integer> counts(List<Line> lines) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Line line : lines) {
            if (line.latest() == null) counts.merge(NONE, 1, Integer::sum);
            else if (line.latest().classification().isEmpty()) counts.merge(NORMAL, 1, Integer::sum);
            else line.latest().classification().forEach(c -> counts.merge(c, 1, Integer::sum));
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
