package org.tonkla.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.tonkla.assessment.internal.RecordFacts;
import org.tonkla.core.standard.AgeGroup;
import org.tonkla.core.standard.CatalogueItem;
import org.tonkla.core.standard.ItemKind;
import org.tonkla.core.standard.StandardCatalogue;
import org.tonkla.core.thai.BuddhistEra;
import org.tonkla.platform.ThaiDates;

/**
 * What Tonkla computes from a center's records beside the center's own rating: the DSPM
 * age-appropriate share (Standard-3 outcome items), the caregiver-to-child ratio and growth-monitoring
 * coverage, read through {@link RecordFacts} from the views the registry and record book publish.
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
        Map<AgeGroup, ComputedItem> dspm = new HashMap<>();
        for (CatalogueItem item : catalogue.items()) {
            if (item.ageGroup() != AgeGroup.ALL && !groups.contains(item.ageGroup())) continue;
            if (!which.test(item.key())) continue;
            if (item.kind() == ItemKind.DSPM_OUTCOME) {
                out.put(item.key(), dspm.computeIfAbsent(item.ageGroup(), g -> {
                    RecordFacts.DspmCounts c = facts.dspm(unitId, yearCe, g);
                    return new ComputedItem(ComputedItem.Kind.DSPM, c.ageAppropriate(), c.screened(), 0, 0);
                }));
            } else if (item.key().equals(properties.ratioItem())) {
                RecordFacts.ChildrenByGroup children = facts.children(unitId, asOf);
                int[] caregivers = facts.caregivers(unitId);
                out.put(item.key(), new ComputedItem(ComputedItem.Kind.RATIO, children.underThree(), caregivers[0],
                        children.threeToSix(), caregivers[1]));
            } else if (item.key().equals(properties.growthItem())) {
                RecordFacts.GrowthCounts g = facts.growth(unitId, yearCe);
                out.put(item.key(), new ComputedItem(ComputedItem.Kind.GROWTH, g.measured(), g.enrolled(), 0, 0));
            }
        }
        return out;
    }
}
