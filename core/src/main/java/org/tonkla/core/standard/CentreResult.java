package org.tonkla.core.standard;

import java.util.List;

/**
 * A centre's result against the standard.
 *
 * @param standards per-standard results, 1 to 3
 * @param level the overall level, or {@code null} while the assessment is incomplete
 * @param passed whether the centre meets the standard under the rule; never while incomplete
 * @param unrated keys of applicable items not rated yet
 * @param indicatorsWithoutItems keys of applicable indicators the catalogue lists no items for
 * @param zeroItems keys of items rated ต้องปรับปรุง (0)
 * @param rule the rule that produced this result
 */
public record CentreResult(List<StandardResult> standards, ItemLevel level, boolean passed, List<String> unrated,
        List<String> indicatorsWithoutItems, List<String> zeroItems, ScoringRule rule) {
    public CentreResult {
        standards = List.copyOf(standards);
        unrated = List.copyOf(unrated);
        indicatorsWithoutItems = List.copyOf(indicatorsWithoutItems);
        zeroItems = List.copyOf(zeroItems);
    }

    /** Whether every applicable item of every applicable indicator is rated. */
    public boolean complete() {
        return unrated.isEmpty() && indicatorsWithoutItems.isEmpty();
    }
}
