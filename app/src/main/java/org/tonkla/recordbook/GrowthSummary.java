package org.tonkla.recordbook;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a parent needs to know of the child's growth, in the order the family page says it: the latest weight and
 * height with their WHO classification, the change since the measurement before, what to do at home, and when the
 * next weighing, DSPM screening and vaccine are due. The sentences themselves are in the message bundles
 * ({@code family.summary.*}); this record holds the facts they are made of.
 *
 * @param latest the measurement that counts on its day (a same-day re-weighing replaces the first), or null
 * @param previous the counting measurement of the day before {@code latest}, or null
 * @param status how the latest measurement reads against the WHO standards
 * @param concerns WHO classification names of the latest measurement ({@code MODERATE_STUNTING} …), empty when normal
 */
public record GrowthSummary(Measurement latest, Measurement previous, Status status, List<String> concerns,
        Optional<FamilyView.Due> nextGrowth, Optional<FamilyView.Due> nextDspm, Optional<FamilyView.Due> nextVaccine) {

    /**
     * NONE: never measured; NORMAL: no WHO classification; WATCH: a moderate one or overweight; SEE_STAFF: a severe
     * one (WHO's "severe" categories, acute malnutrition, a confirmed extreme value), to be seen by health staff soon.
     */
    public enum Status { NONE, NORMAL, WATCH, SEE_STAFF }

    /** Kinds of advice, one per status family: the bundle's {@code family.summary.advice.<kind>}. */
    public enum Advice { MEASURE, KEEP_UP, MORE_FOOD, TALLER, LESS_SWEET, NOT_GAINING, SEE_STAFF }

    static GrowthSummary of(BookView v, List<FamilyView.Due> due) {
        List<Measurement> counting = Measurement.countingPerDay(v.measurements());
        Measurement latest = counting.isEmpty() ? null : counting.getLast();
        Measurement previous = counting.size() < 2 ? null : counting.get(counting.size() - 2);
        List<String> concerns = latest == null ? List.of()
                : latest.classification().stream().filter(c -> !"NORMAL".equals(c)).toList();
        Status status = latest == null ? Status.NONE
                : concerns.isEmpty() ? Status.NORMAL
                : concerns.stream().anyMatch(c -> c.startsWith("SEVERE_")) ? Status.SEE_STAFF : Status.WATCH;
        return new GrowthSummary(latest, previous, status, concerns, first(due, FamilyView.Due.Kind.GROWTH),
                first(due, FamilyView.Due.Kind.DSPM), first(due, FamilyView.Due.Kind.VACCINE));
    }

    private static Optional<FamilyView.Due> first(List<FamilyView.Due> due, FamilyView.Due.Kind kind) {
        return due.stream().filter(d -> d.kind() == kind).findFirst();
    }

    /** Kilograms gained since the previous measurement (negative: lost); null when either weight is missing. */
    public Double weightChange() {
        return change(latest == null ? null : latest.weightKg(), previous == null ? null : previous.weightKg());
    }

    /** Centimetres grown since the previous measurement; null when either length is missing. */
    public Double heightChange() {
        return change(latest == null ? null : latest.lengthCm(), previous == null ? null : previous.lengthCm());
    }

    private static Double change(Double now, Double before) {
        if (now == null || before == null) return null;
        return Math.round((now - before) * 10) / 10.0;
    }

    /**
     * Whether the weight has not gone up since the previous measurement a month or more before: a child under
     * five who stops gaining weight is worth asking the health staff about (growth faltering), even within the norm.
     */
    public boolean weightNotGaining() {
        Double change = weightChange();
        return change != null && change <= 0 && !previous.measuredOn().plusMonths(1).isAfter(latest.measuredOn());
    }

    /** What to do next at home, most pressing first. */
    public List<Advice> advice() {
        if (status == Status.NONE) return List.of(Advice.MEASURE);
        if (status == Status.SEE_STAFF) return List.of(Advice.SEE_STAFF);
        var advice = new java.util.ArrayList<Advice>();
        if (concerns.stream().anyMatch(c -> c.endsWith("UNDERWEIGHT") || c.endsWith("WASTING") || c.endsWith("THINNESS"))) {
            advice.add(Advice.MORE_FOOD);
        }
        if (concerns.stream().anyMatch(c -> c.endsWith("STUNTING"))) advice.add(Advice.TALLER);
        if (concerns.stream().anyMatch(c -> c.equals("OVERWEIGHT") || c.equals("OBESITY"))) advice.add(Advice.LESS_SWEET);
        if (weightNotGaining()) advice.add(Advice.NOT_GAINING);
        if (advice.isEmpty()) advice.add(Advice.KEEP_UP);
        return List.copyOf(advice);
    }

    /** The day of the latest measurement, or null. */
    public LocalDate measuredOn() {
        return latest == null ? null : latest.measuredOn();
    }
}
