package org.tonkla.core.standard;

import java.util.List;

/**
 * How several item scores (or standard levels) become one level. The national book's rule was not
 * found (THAI-RULES §1.5 [U]), so the choice is part of {@link ScoringRule}.
 */
public enum Aggregation {
    /** The mean, rounded down: a mean of 1.9 is level 1. Every item must be good for "good". */
    MEAN_ROUNDED_DOWN,
    /** The mean, rounded half up: 1.5 is level 2. */
    MEAN_ROUNDED_HALF_UP,
    /** The lowest: one weak item sets the level. */
    MINIMUM;

    /**
     * The level of {@code levels}.
     *
     * @throws IllegalArgumentException if {@code levels} is empty
     */
    public ItemLevel apply(List<ItemLevel> levels) {
        if (levels.isEmpty()) throw new IllegalArgumentException("nothing to aggregate");
        int sum = levels.stream().mapToInt(ItemLevel::score).sum();
        int n = levels.size();
        return switch (this) {
            case MEAN_ROUNDED_DOWN -> ItemLevel.ofScore(sum / n);
            case MEAN_ROUNDED_HALF_UP -> ItemLevel.ofScore((2 * sum + n) / (2 * n));
            case MINIMUM -> levels.stream().min(Enum::compareTo).orElseThrow();
        };
    }
}
