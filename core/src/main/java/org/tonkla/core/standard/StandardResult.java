package org.tonkla.core.standard;

import java.util.List;
import java.util.Objects;

/**
 * A standard's scores.
 *
 * @param standard the standard
 * @param indicators the results of the indicators that apply to the centre
 * @param score sum of rated item scores
 * @param maxScore 3 × rated items
 * @param level its level under the rule, or {@code null} when no item is rated
 */
public record StandardResult(Standard standard, List<IndicatorResult> indicators, int score, int maxScore, ItemLevel level) {
    public StandardResult {
        Objects.requireNonNull(standard, "standard");
        indicators = List.copyOf(indicators);
    }

    /** Whether every applicable indicator is complete. */
    public boolean complete() {
        return !indicators.isEmpty() && indicators.stream().allMatch(IndicatorResult::complete);
    }
}
