package org.tonkla.field.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tonkla.directory.Directory;
import org.tonkla.field.CampaignCoverage;
import org.tonkla.field.CampaignProgress.Row;

/** The progress rows (subdistrict × surveyor × day) summed the two ways officers read them. */
final class ProgressTables {

    /** Counts of one line of a table. */
    record Line(String key, String surveyor, LocalDate day, long visited, long notFound, long refused, long moved,
            long newChildren) {
        Line plus(Row r) {
            return new Line(key, surveyor, day, visited + r.visited(), notFound + r.notFound(), refused + r.refused(),
                    moved + r.moved(), newChildren + r.newChildren());
        }
    }

    private ProgressTables() {}

    static List<Line> bySubdistrict(List<Row> rows) {
        Map<String, Line> lines = new TreeMap<>();
        for (Row r : rows) {
            lines.computeIfAbsent(r.subdistrictCode(), k -> new Line(k, null, null, 0, 0, 0, 0, 0));
            lines.computeIfPresent(r.subdistrictCode(), (k, l) -> l.plus(r));
        }
        return List.copyOf(lines.values());
    }

    static List<Line> bySurveyorAndDay(List<Row> rows) {
        Map<String, Line> lines = new LinkedHashMap<>();
        rows.stream().sorted(java.util.Comparator.comparing(Row::surveyor).thenComparing(Row::day)).forEach(r -> {
            String key = r.surveyor() + "|" + r.day();
            lines.computeIfAbsent(key, k -> new Line(k, r.surveyor(), r.day(), 0, 0, 0, 0, 0));
            lines.computeIfPresent(key, (k, l) -> l.plus(r));
        });
        return List.copyOf(lines.values());
    }

    /** One line per surveyor, all days summed. */
    static List<Line> bySurveyor(List<Row> rows) {
        Map<String, Line> lines = new TreeMap<>();
        for (Row r : rows) {
            lines.computeIfAbsent(r.surveyor(), k -> new Line(k, k, null, 0, 0, 0, 0, 0));
            lines.computeIfPresent(r.surveyor(), (k, l) -> l.plus(r));
        }
        return List.copyOf(lines.values());
    }

    /** Thai names of the subdistricts and districts shown, by code. */
    static Map<String, String> names(Directory directory, List<Row> rows, List<CampaignCoverage.District> districts) {
        Map<String, String> names = new HashMap<>();
        rows.forEach(r -> names.computeIfAbsent(r.subdistrictCode(), c -> directory.area(c).map(a -> a.nameTh()).orElse(c)));
        districts.forEach(d -> names.computeIfAbsent(d.districtCode(), c -> directory.area(c).map(a -> a.nameTh()).orElse(c)));
        return names;
    }
}
