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
}
