package org.tonkla.core.standard;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An indicator's scores, as the district worksheet totals them (columns "0 1 2 3 รวม").
 *
 * @param indicator the indicator
 * @param score sum of its rated items' scores
 * @param maxScore 3 × number of rated items
 * @param counts how many rated items are at each level
 * @param unrated keys of its items not yet rated
 * @param level its level under the rule, or {@code null} when no item is rated
 * @see <a href="https://anyflip.com/surqh/lsha/basic/51-66">district worksheet</a> (THAI-RULES §1.5)
 */
public record IndicatorResult(Indicator indicator, int score, int maxScore, Map<ItemLevel, Integer> counts,
        List<String> unrated, ItemLevel level) {
    public IndicatorResult {
        Objects.requireNonNull(indicator, "indicator");
        counts = Map.copyOf(counts);
        unrated = List.copyOf(unrated);
    }

    /** Whether every item is rated and the indicator has items at all. */
    public boolean complete() {
        return unrated.isEmpty() && !indicator.items().isEmpty();
    }
}
