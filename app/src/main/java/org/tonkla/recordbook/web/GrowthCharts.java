package org.tonkla.recordbook.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tonkla.core.growth.Age;
import org.tonkla.core.growth.GrowthStandards;
import org.tonkla.core.growth.Indicator;
import org.tonkla.core.growth.Sex;
import org.tonkla.recordbook.Measurement;
import org.tonkla.registry.Child;

/**
 * The data behind the record book's WHO growth charts (weight-for-age, length/height-for-age and
 * weight-for-length/height): the −3, −2, 0, +2 and +3 SD curves of the child's sex, computed from
 * the WHO LMS tables in core, and the child's own measurements on them.
 */
@Component
class GrowthCharts {

    static final int[] SD_LINES = {-3, -2, 0, 2, 3};
    /** WHO: weight-for-length before day 731 of age, weight-for-height from then on. */
    private static final int STANDING_FROM_DAY = 731;
    private final GrowthStandards standards = GrowthStandards.load();

    /** One chart: x is age in months (centimetres for weight-for-length/height), y the measurement; {@code curves} keyed by SD line ("-3" … "3"). */
    record Chart(Map<String, List<double[]>> curves, List<double[]> points) {}

    Map<String, Chart> of(Child child, List<Measurement> all) {
        // One point per day: a re-weighing replaces the earlier value of the day on the chart as everywhere else.
        List<Measurement> measurements = Measurement.countingPerDay(all);
        Sex sex = child.sex() == org.tonkla.registry.Sex.M ? Sex.MALE : Sex.FEMALE;
        int lastDay = measurements.stream().mapToInt(Measurement::ageDays).max().orElse(0);
        // Show at least the first two years, and up to the next whole year after the last measurement.
        int months = Math.min(60, Math.max(24, ((int) (lastDay / Age.DAYS_PER_MONTH) / 12 + 1) * 12));
        var charts = new LinkedHashMap<String, Chart>();
        charts.put("wfa", chart(Indicator.WEIGHT_FOR_AGE, sex, months,
                measurements.stream().filter(m -> m.weightKg() != null).map(m -> point(m.ageDays(), m.weightKg())).toList()));
        charts.put("lhfa", chart(Indicator.LENGTH_HEIGHT_FOR_AGE, sex, months,
                measurements.stream().filter(m -> m.lengthCm() != null).map(m -> point(m.ageDays(), m.lengthCm())).toList()));
        charts.put("wfh", weightForLength(sex, lastDay >= STANDING_FROM_DAY, measurements.stream()
                .filter(m -> m.weightKg() != null && m.lengthCm() != null)
                .map(m -> new double[] {m.lengthCm(), m.weightKg()}).toList()));
        return charts;
    }

    private Chart chart(Indicator indicator, Sex sex, int months, List<double[]> points) {
        var curves = new LinkedHashMap<String, List<double[]>>();
        for (int sd : SD_LINES) {
            List<double[]> line = new ArrayList<>();
            // Every half month is smooth enough on screen; the table itself is by day.
            for (int halfMonths = 0; halfMonths <= months * 2; halfMonths++) {
                double month = halfMonths / 2.0;
                int day = (int) Math.round(month * Age.DAYS_PER_MONTH);
                standards.lmsOnDay(indicator, sex, Math.min(day, 1826))
                        .ifPresent(lms -> line.add(new double[] {month, round(lms.valueAt(sd))}));
            }
            curves.put(String.valueOf(sd), line);
        }
        return new Chart(curves, points.stream().filter(p -> p[0] <= 60).toList());
    }

    /**
     * Weight against length (under two years, lying) or height (from two years, standing), as WHO draws it:
     * x is centimetres, from 10 cm below the child's shortest measurement to 10 cm above the tallest.
     */
    private Chart weightForLength(Sex sex, boolean standing, List<double[]> points) {
        int low = standing ? 65 : 45;
        int high = standing ? 120 : 110;
        int from = Math.max(low, (int) points.stream().mapToDouble(p -> p[0]).min().orElse(low + 10) - 10);
        int to = Math.min(high, (int) Math.ceil(points.stream().mapToDouble(p -> p[0]).max().orElse(high - 10)) + 10);
        var curves = new LinkedHashMap<String, List<double[]>>();
        for (int sd : SD_LINES) {
            List<double[]> line = new ArrayList<>();
            for (int cm = from; cm <= to; cm++) {
                double x = cm;
                standards.lmsOnLength(standing, sex, cm * 10).ifPresent(lms -> line.add(new double[] {x, round(lms.valueAt(sd))}));
            }
            curves.put(String.valueOf(sd), line);
        }
        return new Chart(curves, points);
    }

    private static double[] point(int ageDays, double value) {
        return new double[] {Math.round(ageDays / Age.DAYS_PER_MONTH * 100) / 100.0, value};
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
