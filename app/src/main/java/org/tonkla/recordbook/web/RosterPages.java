package org.tonkla.recordbook.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tonkla.directory.Directory;
import org.tonkla.identity.Users;
import org.tonkla.platform.ThaiDates;
import org.tonkla.recordbook.ImplausibleMeasurement;
import org.tonkla.recordbook.Measurement;
import org.tonkla.recordbook.MeasurementInput;
import org.tonkla.recordbook.RecordBook;
import org.tonkla.registry.ChildId;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.Refused;
import org.tonkla.recordbook.Growth;
import org.tonkla.recordbook.WorkLists;
import org.tonkla.registry.ChildSearch;
import org.tonkla.registry.RosterEntry;

/**
 * A unit's class roster with bulk entry: 30 children on one screen, weight and height typed row
 * after row with the keyboard; each row is saved as soon as it changes and comes back coloured by
 * the child's WHO classification.
 */
@Controller
class RosterPages {

    private final ChildSearch children;
    private final Growth growth;
    private final WorkLists workLists;
    private final Users users;
    private final Directory directory;
    private final Clock clock;

    RosterPages(ChildSearch children, Growth growth, WorkLists workLists, Users users, Directory directory, Clock clock) {
        this.children = children;
        this.growth = growth;
        this.workLists = workLists;
        this.users = users;
        this.directory = directory;
        this.clock = clock;
    }

    /** One row of the roster: the child, age today and the latest measurement. */
    record Row(RosterEntry entry, long ageMonths, Measurement latest, List<String> flags, String error) {

        /** CSS class: red for severe, amber for moderate or over, green otherwise, grey before any measurement. */
        public String status() {
            if (flags != null && !flags.isEmpty()) return "flagged";
            if (latest == null) return "none";
            if (latest.classification().stream().anyMatch(c -> c.startsWith("SEVERE"))) return "severe";
            return latest.concerning() ? "moderate" : "normal";
        }
    }

    /** The server's limits for the inputs, so the browser and the server never disagree (one source). */
    @org.springframework.web.bind.annotation.ModelAttribute("limits")
    Map<String, Double> limits() {
        return Map.of("minWeight", MeasurementInput.MIN_WEIGHT_KG, "maxWeight", MeasurementInput.MAX_WEIGHT_KG,
                "minLength", MeasurementInput.MIN_LENGTH_CM, "maxLength", MeasurementInput.MAX_LENGTH_CM);
    }

    @GetMapping("/units/{unitId}/roster")
    String roster(@PathVariable UUID unitId, @RequestParam(required = false) String className, Model model) {
        var user = users.require();
        LocalDate today = today();
        var entries = children.roster(unitId, className, user, "roster");
        Map<ChildId, Measurement> latest = growth.latestOf(entries);
        model.addAttribute("unit", directory.serviceUnit(unitId).orElseThrow());
        model.addAttribute("classes", children.classes(unitId, user));
        model.addAttribute("className", className);
        model.addAttribute("rows", entries.stream()
                .map(e -> new Row(e, ChronoUnit.MONTHS.between(e.child().dateOfBirth(), today), latest.get(e.child().id()),
                        null, null))
                .toList());
        model.addAttribute("today", today);
        return "recordbook/roster";
    }

    /** The unit's work list for this month, grouped by kind of task. */
    @GetMapping("/units/{unitId}/worklist")
    String workList(@PathVariable UUID unitId, Model model) {
        var items = workLists.workList(unitId, users.require(), today());
        model.addAttribute("unit", directory.serviceUnit(unitId).orElseThrow());
        // Keyed by the kind's name: templates index maps with strings.
        model.addAttribute("groups", items.stream().collect(java.util.stream.Collectors.groupingBy(
                i -> i.kind().name(), java.util.LinkedHashMap::new, java.util.stream.Collectors.toList())));
        model.addAttribute("kinds", org.tonkla.recordbook.WorkItem.Kind.values());
        model.addAttribute("today", today());
        return "recordbook/worklist";
    }

    /** Saves one row; answers the row again, coloured, or with the question whether an odd value is right. */
    @PostMapping("/units/{unitId}/roster/{childId}")
    String saveRow(@PathVariable UUID unitId, @PathVariable UUID childId, @RequestParam LocalDate measuredOn,
            @RequestParam(required = false) Double weightKg, @RequestParam(required = false) Double lengthCm,
            @RequestParam(required = false) String position, @RequestParam(defaultValue = "false") boolean confirm,
            Model model) {
        var user = users.require();
        var id = new ChildId(childId);
        var entry = children.rosterEntry(unitId, id, user, "roster")
                .orElseThrow(() -> new Refused("Not on this roster"));
        long ageMonths = ChronoUnit.MONTHS.between(entry.child().dateOfBirth(), today());
        Row row;
        try {
            var saved = growth.recordFromRoster(unitId, id, new MeasurementInput(measuredOn, weightKg, lengthCm,
                    blank(position) ? null : position, null, null, false, confirm), user);
            row = new Row(entry, ageMonths, saved, null, null);
        } catch (ImplausibleMeasurement e) {
            row = new Row(entry, ageMonths, null, e.flags(), null);
        } catch (InvalidInput e) {
            row = new Row(entry, ageMonths, null, null, e.field());
        } catch (Conflict e) {
            row = new Row(entry, ageMonths, null, null, "changedMeanwhile");
        }
        model.addAttribute("row", row);
        model.addAttribute("unit", directory.serviceUnit(unitId).orElseThrow());
        model.addAttribute("today", measuredOn);
        model.addAttribute("weightKg", weightKg);
        model.addAttribute("lengthCm", lengthCm);
        return "recordbook/roster :: row";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
