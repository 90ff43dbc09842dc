package org.tonkla.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.tonkla.assessment.internal.RecordFacts;
import org.tonkla.core.standard.AgeGroup;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.DspmOutcomeBands;
import org.tonkla.core.standard.ItemFigure;
import org.tonkla.core.standard.ItemFigures;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.core.standard.StandardCatalogue;
import org.tonkla.core.thai.BuddhistEra;
import org.tonkla.platform.ThaiDates;

/**
 * What Tonkla computes from a center's records beside the center's own rating, read through
 * {@link RecordFacts} from the views the registry and record book publish: for the Standard-3 items
 * core's {@link ItemFigures} maps to data, the DSPM age-appropriate share (overall or of one domain)
 * and the สูงดีสมส่วน share; the caregiver-to-child ratio (1.2.4) and growth-monitoring coverage (1.4.1).
 *
 * <p>A figure's level replaces the center's rating only where the mapping is stated by the standard
 * (3.4.1 ข), or everywhere with {@code tonkla.assessment.inferred-figures-count}; elsewhere it is advice
 * the center and the officer see beside the rating. None replaces it with
 * {@code dspm-items-from-records=false}.
 */
@Component
class ComputedFigures {

    private final Clock clock;
    private final AssessmentProperties properties;
    private final RecordFacts facts;

    ComputedFigures(Clock clock, AssessmentProperties properties, RecordFacts facts) {
        this.clock = clock;
        this.properties = properties;
        this.facts = facts;
    }

    /** The figures for {@code yearBe}, by item key, for the items {@code which}. */
    Map<String, ComputedItem> compute(UUID unitId, int yearBe, StandardCatalogue catalogue, Set<AgeGroup> groups,
            Predicate<String> which) {
        Map<String, ComputedItem> out = new HashMap<>();
        int yearCe = BuddhistEra.toCommonEraYear(yearBe);
        LocalDate today = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
        LocalDate asOf = today.getYear() == yearCe ? today : LocalDate.of(yearCe, 12, 31);
        Map<String, RecordFacts.DspmCounts> dspm = new HashMap<>();
        for (CatalogueItem item : catalogue.items()) {
            if (item.ageGroup() != AgeGroup.ALL && !groups.contains(item.ageGroup())) continue;
            if (!which.test(item.key())) continue;
            var figure = ItemFigures.of(item);
            if (figure.isPresent()) {
                out.put(item.key(), fromRecords(figure.get(), unitId, yearCe, item.ageGroup(), dspm));
            } else if (item.key().equals(properties.ratioItem())) {
                RecordFacts.ChildrenByGroup children = facts.children(unitId, asOf);
                int[] caregivers = facts.caregivers(unitId);
                out.put(item.key(), ComputedItem.fact(ComputedItem.Kind.RATIO, children.underThree(), caregivers[0],
                        children.threeToSix(), caregivers[1]));
            } else if (item.key().equals(properties.growthItem())) {
                RecordFacts.GrowthCounts g = facts.growth(unitId, yearCe);
                out.put(item.key(), ComputedItem.fact(ComputedItem.Kind.GROWTH, g.measured(), g.enrolled(), 0, 0));
            }
        }
        return out;
    }

    private ComputedItem fromRecords(ItemFigure figure, UUID unitId, int yearCe, AgeGroup group,
            Map<String, RecordFacts.DspmCounts> cache) {
        boolean counts = properties.dspmItemsFromRecords() && (!figure.inferred() || properties.inferredFiguresCount());
        return switch (figure.source()) {
            case DSPM_OVERALL -> {
                var c = cache.computeIfAbsent(group + " all", k -> facts.dspm(unitId, yearCe, group));
                yield new ComputedItem(ComputedItem.Kind.DSPM, c.ageAppropriate(), c.screened(), 0, 0,
                        DspmOutcomeBands.levelFor(c.ageAppropriate(), c.screened()).orElse(null), figure.inferred(), counts);
            }
            case DSPM_DOMAIN -> {
                var c = cache.computeIfAbsent(group + " " + figure.domain(),
                        k -> facts.dspmDomain(unitId, yearCe, group, figure.domain().name()));
                yield new ComputedItem(ComputedItem.Kind.DSPM_DOMAIN, c.ageAppropriate(), c.screened(),
                        figure.domain().codeDigit(), 0,
                        DspmOutcomeBands.levelFor(c.ageAppropriate(), c.screened()).orElse(null), figure.inferred(), counts);
            }
            case HEALTHY_GROWTH -> {
                // GrowthCounts here: enrolled = measured children, measured = สูงดีสมส่วน among them.
                var g = facts.healthyGrowth(unitId, yearCe, group);
                yield new ComputedItem(ComputedItem.Kind.HEALTHY_GROWTH, g.measured(), g.enrolled(), 0, 0,
                        healthyGrowthLevel(g.measured(), g.enrolled()), true, counts);
            }
        };
    }

    // No bands for the growth items were found (THAI-RULES §1.5 [U]): a level only when configured.
    private ItemLevel healthyGrowthLevel(int healthy, int measured) {
        List<Integer> bands = properties.healthyGrowthBands();
        if (bands.size() != 3 || measured == 0) return null;
        long share = 100L * healthy;
        if (share >= (long) bands.get(2) * measured) return ItemLevel.VERY_GOOD;
        if (share >= (long) bands.get(1) * measured) return ItemLevel.GOOD;
        if (share >= (long) bands.get(0) * measured) return ItemLevel.BASIC;
        return ItemLevel.NEEDS_IMPROVEMENT;
    }
}
