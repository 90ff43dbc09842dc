package org.tonkla.core.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tonkla.core.development.DspmDomain;

/** The default shipped catalogue, the 75 items of DCY REP006 (PROVENANCE-2562.md). */
class NationalCatalogueTest {

    private static final StandardCatalogue CATALOGUE = StandardCatalogue.national();

    @Test
    void hasThreeStandardsNineteenIndicatorsAndSeventyFiveItems() {
        assertThat(CATALOGUE.version()).isEqualTo("onec-2562-dcy75");
        assertThat(CATALOGUE.standards()).extracting(Standard::number).containsExactly(1, 2, 3);
        assertThat(CATALOGUE.indicators()).hasSize(19);
        assertThat(CATALOGUE.items()).hasSize(75);
        // PROVENANCE-2562.md: items per indicator
        assertThat(CATALOGUE.indicators().stream().map(i -> i.items().size()).toList())
                .containsExactly(3, 4, 8, 7, 4, 5, 5, 5, 3, 2, 1, 6, 3, 1, 2, 3, 5, 4, 4);
        assertThat(CATALOGUE.standards().get(2).indicators()).extracting(Indicator::key)
                .containsExactly("3.1 ก", "3.2 ก", "3.1 ข", "3.2 ข", "3.3 ข", "3.4 ข", "3.5 ข", "3.6 ข", "3.7 ข");
        assertThat(CATALOGUE.items().stream().filter(i -> i.kind() == ItemKind.DSPM_OUTCOME)).hasSize(25);
        assertThat(CATALOGUE.item("3.4.1 ข").orElseThrow().evidence()).isEqualTo(Evidence.VERIFIED);
        assertThat(CATALOGUE.item("3.2.2 ก").orElseThrow().text()).contains("Gross Motor");
    }

    @Test
    void aCentreServingOnlyKhoHasSixtyEightApplicableItems() {
        Set<AgeGroup> kho = EnumSet.of(AgeGroup.THREE_TO_SIX);
        Map<String, ItemLevel> ratings = new HashMap<>();
        CATALOGUE.items().stream().filter(i -> i.ageGroup() != AgeGroup.UNDER_THREE)
                .forEach(i -> ratings.put(i.key(), ItemLevel.BASIC));
        assertThat(ratings).hasSize(68);
        CentreResult result = ScoringRule.DEFAULT.score(CATALOGUE, ratings, kho);
        assertThat(result.complete()).isTrue();
        assertThat(result.passed()).isTrue();
        assertThat(result.level()).isEqualTo(ItemLevel.BASIC);
        assertThat(result.standards().get(2).indicators()).noneMatch(i -> i.indicator().ageGroup() == AgeGroup.UNDER_THREE);

        ratings.put("2.4.2", ItemLevel.NEEDS_IMPROVEMENT);
        CentreResult oneZero = ScoringRule.DEFAULT.score(CATALOGUE, ratings, kho);
        assertThat(oneZero.passed()).isFalse();
        assertThat(oneZero.zeroItems()).containsExactly("2.4.2");
    }

    @Test
    void aCentreServingBothGroupsIsAssessedOnAllSeventyFive() {
        Map<String, ItemLevel> ratings = new HashMap<>();
        CATALOGUE.items().forEach(i -> ratings.put(i.key(), ItemLevel.GOOD));
        CentreResult result = ScoringRule.DEFAULT.score(CATALOGUE, ratings, EnumSet.of(AgeGroup.UNDER_THREE, AgeGroup.THREE_TO_SIX));
        assertThat(result.passed()).isTrue();
        assertThat(result.standards().stream().mapToInt(StandardResult::maxScore).sum()).isEqualTo(75 * 3);
    }

    @Test
    void everyStandardThreeItemThatMapsToDataHasAFigure() {
        Map<String, ItemFigure> mapped = new HashMap<>();
        for (CatalogueItem item : CATALOGUE.items()) ItemFigures.of(item).ifPresent(f -> mapped.put(item.key(), f));
        // 25 DSPM items + 3.1.1 ก/ข growth; 3.1.2 ข and 3.1.3 ข map to nothing
        assertThat(mapped).hasSize(27).doesNotContainKeys("3.1.2 ข", "3.1.3 ข");
        assertThat(mapped.keySet()).allMatch(k -> k.startsWith("3."));
        assertThat(List.of("3.2.2 ก", "3.2.3 ก", "3.2.4 ก", "3.2.5 ก", "3.2.6 ก").stream().map(k -> mapped.get(k).domain()))
                .containsExactly(DspmDomain.GM, DspmDomain.FM, DspmDomain.RL, DspmDomain.EL, DspmDomain.PS);
        assertThat(mapped.get("3.2.1 ก").source()).isEqualTo(ItemFigure.Source.DSPM_OVERALL);
        assertThat(mapped.get("3.1.1 ข").source()).isEqualTo(ItemFigure.Source.HEALTHY_GROWTH);
        // only 3.4.1 ข is stated by the standard
        assertThat(mapped.entrySet().stream().filter(e -> !e.getValue().inferred()).map(Map.Entry::getKey))
                .containsExactly("3.4.1 ข");
    }
}
