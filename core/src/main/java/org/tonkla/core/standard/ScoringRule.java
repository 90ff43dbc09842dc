package org.tonkla.core.standard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How item ratings become indicator, standard and centre results. Configurable because the
 * national book's rule for a centre's overall result was not found (THAI-RULES §1.5 [U]).
 *
 * <p>{@link #DEFAULT} encodes the commonly reported practice §1.5 records: a centre passes when
 * every standard reaches at least ผ่านเกณฑ์ขั้นต้น and no item is scored 0. Concretely:
 * <ul>
 *   <li>an indicator's level and a standard's level are the mean of their items' scores, rounded
 *       down (computed over items, not over indicator levels, so rounding happens once);
 *   <li>the centre's level is the lowest standard level;
 *   <li>the centre passes if that level is at least {@code passLevel} (ผ่านเกณฑ์ขั้นต้น) and, with
 *       {@code anyZeroItemFails}, no item is scored 0.
 * </ul>
 * An incomplete assessment (unrated items, or indicators the catalogue lists no items for) gets
 * partial scores but no overall level and does not pass.
 *
 * @param indicatorLevel aggregation of item scores into an indicator level
 * @param standardLevel aggregation of item scores into a standard level
 * @param centreLevel aggregation of standard levels into the centre's level
 * @param passLevel the least centre level that passes
 * @param anyZeroItemFails whether a single 0-scored item fails the centre
 */
public record ScoringRule(Aggregation indicatorLevel, Aggregation standardLevel, Aggregation centreLevel,
        ItemLevel passLevel, boolean anyZeroItemFails) {

    /** The documented default; see the class comment. */
    public static final ScoringRule DEFAULT = new ScoringRule(
            Aggregation.MEAN_ROUNDED_DOWN, Aggregation.MEAN_ROUNDED_DOWN, Aggregation.MINIMUM, ItemLevel.BASIC, true);

    public ScoringRule {
        Objects.requireNonNull(indicatorLevel, "indicatorLevel");
        Objects.requireNonNull(standardLevel, "standardLevel");
        Objects.requireNonNull(centreLevel, "centreLevel");
        Objects.requireNonNull(passLevel, "passLevel");
    }

    /**
     * Scores a centre's ratings.
     *
     * @param catalogue the catalogue version the centre was assessed against
     * @param ratings item key ({@link CatalogueItem#key()}) to level
     * @param ageGroupsServed which Standard-3 groups (ก, ข) the centre serves; Standards 1–2 always apply
     * @throws IllegalArgumentException if a rating names an item that is not in the catalogue, or
     *     one of an age group the centre does not serve
     */
    public CentreResult score(StandardCatalogue catalogue, Map<String, ItemLevel> ratings, Set<AgeGroup> ageGroupsServed) {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(ratings, "ratings");
        Objects.requireNonNull(ageGroupsServed, "ageGroupsServed");
        for (String key : ratings.keySet()) {
            CatalogueItem item = catalogue.item(key).orElseThrow(
                    () -> new IllegalArgumentException("No item " + key + " in catalogue " + catalogue.version()));
            if (!applies(item.ageGroup(), ageGroupsServed)) {
                throw new IllegalArgumentException("Item " + key + " is for an age group the centre does not serve");
            }
        }
        List<StandardResult> standards = new ArrayList<>();
        List<String> unrated = new ArrayList<>();
        List<String> withoutItems = new ArrayList<>();
        List<String> zeros = new ArrayList<>();
        for (Standard standard : catalogue.standards()) {
            List<IndicatorResult> indicators = new ArrayList<>();
            List<ItemLevel> standardLevels = new ArrayList<>();
            for (Indicator indicator : standard.indicators()) {
                if (!applies(indicator.ageGroup(), ageGroupsServed)) continue;
                if (indicator.items().isEmpty()) withoutItems.add(indicator.key());
                IndicatorResult result = indicatorResult(indicator, ratings);
                indicators.add(result);
                unrated.addAll(result.unrated());
                for (CatalogueItem item : indicator.items()) {
                    ItemLevel level = ratings.get(item.key());
                    if (level == null) continue;
                    standardLevels.add(level);
                    if (level == ItemLevel.NEEDS_IMPROVEMENT) zeros.add(item.key());
                }
            }
            int score = standardLevels.stream().mapToInt(ItemLevel::score).sum();
            standards.add(new StandardResult(standard, indicators, score, 3 * standardLevels.size(),
                    standardLevels.isEmpty() ? null : standardLevel.apply(standardLevels)));
        }
        boolean complete = unrated.isEmpty() && withoutItems.isEmpty()
                && standards.stream().allMatch(s -> s.level() != null);
        ItemLevel level = complete ? centreLevel.apply(standards.stream().map(StandardResult::level).toList()) : null;
        boolean passed = complete && level.atLeast(passLevel) && !(anyZeroItemFails && !zeros.isEmpty());
        return new CentreResult(standards, level, passed, unrated, withoutItems, zeros, this);
    }

    private IndicatorResult indicatorResult(Indicator indicator, Map<String, ItemLevel> ratings) {
        Map<ItemLevel, Integer> counts = new EnumMap<>(ItemLevel.class);
        for (ItemLevel l : ItemLevel.values()) counts.put(l, 0);
        List<ItemLevel> levels = new ArrayList<>();
        List<String> unrated = new ArrayList<>();
        for (CatalogueItem item : indicator.items()) {
            ItemLevel level = ratings.get(item.key());
            if (level == null) {
                unrated.add(item.key());
            } else {
                levels.add(level);
                counts.merge(level, 1, Integer::sum);
            }
        }
        int score = levels.stream().mapToInt(ItemLevel::score).sum();
        return new IndicatorResult(indicator, score, 3 * levels.size(), counts, unrated,
                levels.isEmpty() ? null : indicatorLevel.apply(levels));
    }

    private static boolean applies(AgeGroup group, Set<AgeGroup> served) {
        return group == AgeGroup.ALL || served.contains(group);
    }
}
