package org.tonkla.exchange.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tonkla.exchange.internal.TemplateLoader.Tally;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.DomainProblem;
import org.tonkla.platform.InvalidInput;
import org.tonkla.recordbook.Growth;
import org.tonkla.recordbook.ImplausibleMeasurement;
import org.tonkla.recordbook.Measurement;
import org.tonkla.recordbook.MeasurementInput;
import org.tonkla.recordbook.RecordBook;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.ChildSearch;
import org.tonkla.registry.ChildrenByNationalId;

/**
 * The measurements template: each row is a measurement typed on the unit's roster ({@link Growth#recordFromRoster}:
 * the same limits, the WHO plausibility flags, one current row per child, day and unit). A row equal to a
 * measurement the child has already is left alone, so loading a file again adds nothing.
 */
@Component
class TemplateMeasurements {

    private static final Map<String, String> COLUMNS = Map.of("measuredOn", "measured_on", "weightKg", "weight_kg",
            "lengthCm", "length_cm", "headCm", "head_cm", "position", "position");
    private static final String NOT_HERE = "the national ID of a child at this unit (register the child first: the children template)";

    private final ChildrenByNationalId registered;
    private final ChildSearch children;
    private final RecordBook books;
    private final Growth growth;

    TemplateMeasurements(ChildrenByNationalId registered, ChildSearch children, RecordBook books, Growth growth) {
        this.registered = registered;
        this.children = children;
        this.books = books;
        this.growth = growth;
    }

    void load(List<TemplateSheet.Line> lines, UUID unitId, CurrentUser user, Tally tally) {
        Map<Integer, String> ids = new HashMap<>();
        Map<Integer, Tally.Row> rows = new HashMap<>();
        for (var line : lines) {
            var row = tally.row(line.number());
            rows.put(line.number(), row);
            String id = TemplateLoader.nationalId(line.values().get("national_id"), row);
            if (id != null) ids.put(line.number(), id);
        }
        var known = registered.find(ids.values());
        Map<ChildId, List<Measurement>> had = new HashMap<>();
        for (var line : lines) {
            var row = rows.get(line.number());
            var v = line.values();
            LocalDate on = TemplateLoader.date(v.get("measured_on"), "measured_on", true, row);
            Double weight = number(v.get("weight_kg"), "weight_kg", "kg", row);
            Double length = number(v.get("length_cm"), "length_cm", "cm", row);
            Double head = number(v.get("head_cm"), "head_cm", "cm", row);
            String position = switch (v.get("position").toUpperCase(java.util.Locale.ROOT)) {
                case "" -> null;
                case "นอน", "L" -> "L";
                case "ยืน", "H" -> "H";
                default -> {
                    row.problem("position", "นอน (lying) or ยืน (standing), or blank");
                    yield null;
                }
            };
            if (row.failed()) continue;
            var child = known.get(ids.get(line.number()));
            if (child == null || children.rosterEntry(unitId, child.id(), user, "template-import").isEmpty()) {
                row.problem("national_id", NOT_HERE);
                continue;
            }
            var in = new MeasurementInput(on, weight, length, position, head, null, false, false);
            var before = had.computeIfAbsent(child.id(), c -> books.view(c, user, "template-import").measurements());
            if (before.stream().anyMatch(m -> same(m, in))) {
                tally.alreadyThere++;
                continue;
            }
            try {
                growth.recordFromRoster(unitId, child.id(), in, user);
                tally.added++;
            } catch (ImplausibleMeasurement e) {
                row.problem(v.get("length_cm").isEmpty() ? "weight_kg" : "length_cm", "a value within the WHO plausible range for "
                        + "the child's age (flags " + String.join(", ", e.flags()) + "): a typing error or millimetres for centimetres?");
            } catch (InvalidInput e) {
                e.errors().forEach(f -> row.problem(COLUMNS.getOrDefault(f.field(), "measured_on"), f.expected()));
            } catch (DomainProblem e) {
                if (e.status() == 403) row.problem("national_id", NOT_HERE);
                else row.problem("national_id", e.getMessage());
            }
        }
    }

    private static boolean same(Measurement m, MeasurementInput in) {
        return m.measuredOn().equals(in.measuredOn()) && close(m.weightKg(), in.weightKg()) && close(m.lengthCm(), in.lengthCm())
                && close(m.headCm(), in.headCm());
    }

    private static boolean close(Double a, Double b) {
        return Objects.equals(a, b) || a != null && b != null && Math.abs(a - b) < 0.005;
    }

    private static Double number(String text, String column, String unit, Tally.Row row) {
        if (text.isEmpty()) return null;
        try {
            double v = Double.parseDouble(text.replace(',', '.'));
            // NaN and Infinity parse but are no measurement.
            if (!Double.isFinite(v)) throw new NumberFormatException(text);
            return v;
        } catch (NumberFormatException e) {
            row.problem(column, "a number in " + unit + ", e.g. 12.4");
            return null;
        }
    }
}
