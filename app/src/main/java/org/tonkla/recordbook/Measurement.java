package org.tonkla.recordbook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A growth measurement with its WHO z-scores (null when not computable), the flags of implausible
 * values and the WHO classification, as computed by core on save.
 *
 * @param position {@code L} lying (length) or {@code H} standing (height)
 * @param classification message keys such as {@code growth.class.STUNTED}
 */
public record Measurement(UUID id, LocalDate measuredOn, int ageDays, Double weightKg, Double lengthCm, String position,
        Double headCm, Double armCm, boolean oedema, Double zWfa, Double zLhfa, Double zWflh, Double zBfa, Double zHcfa,
        Double zAcfa, List<String> flags, List<String> classification, UUID unitId, String recordedBy,
        Instant recordedAt) {

    /** Whether a WHO classification marks this measurement as a nutrition problem. */
    public boolean concerning() {
        return !classification.isEmpty();
    }

    /**
     * The measurements that count, one per day: of several taken on one day (a re-weighing), the one
     * recorded last, as the roster, the needs and the published summaries take it (issue 10 §7).
     *
     * @param oldestFirst current measurements ordered by day, then by when they were recorded
     */
    public static java.util.List<Measurement> countingPerDay(java.util.List<Measurement> oldestFirst) {
        var lastOfDay = new java.util.LinkedHashMap<LocalDate, Measurement>();
        for (Measurement m : oldestFirst) {
            lastOfDay.remove(m.measuredOn());
            lastOfDay.put(m.measuredOn(), m);
        }
        return java.util.List.copyOf(lastOfDay.values());
    }

    /** Ids of measurements that do not count because a later one was recorded for the same day. */
    public static java.util.Set<UUID> replacedSameDay(java.util.List<Measurement> oldestFirst) {
        var counting = new java.util.HashSet<>(countingPerDay(oldestFirst));
        return oldestFirst.stream().filter(m -> !counting.contains(m)).map(Measurement::id)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Days with more than one measurement. */
    public static java.util.Set<LocalDate> daysMeasuredTwice(java.util.List<Measurement> measurements) {
        var seen = new java.util.HashSet<LocalDate>();
        return measurements.stream().map(Measurement::measuredOn).filter(d -> !seen.add(d))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
