package org.tonkla.core.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scoring per THAI-RULES §1.5: items 0–3 summed per indicator (district worksheet, anyflip
 * surqh/lsha/basic/51-66); the centre rule is [U], so these tests pin the documented default
 * ("every standard at least ผ่านเกณฑ์ขั้นต้น and no 0 item") and that the rule is configurable.
 */
class ScoringRuleTest {

    // A small complete catalogue: two items in each of standards 1 and 2, one item each in 3 ก and 3 ข.
    private static final StandardCatalogue CATALOGUE = ((CatalogueImport.Accepted) CatalogueReader.read(new StringReader(
            "version,standard,standard_title,indicator,age_group,indicator_title,item,item_text,item_kind,status,source\n"
            + "t,1,S1,1.1,,I11,1.1.1,a,RATED,V,\n"
            + "t,1,S1,1.1,,I11,1.1.2,b,RATED,V,\n"
            + "t,2,S2,2.1,,I21,2.1.1,c,RATED,V,\n"
            + "t,2,S2,2.1,,I21,2.1.2,d,RATED,V,\n"
            + "t,3,S3,3.1,ก,I31,3.1.1,e,DSPM_OUTCOME,V,\n"
            + "t,3,S3,3.1,ข,I31,3.1.1,f,DSPM_OUTCOME,V,\n"))).catalogue();
    private static final Set<AgeGroup> PRESCHOOL = Set.of(AgeGroup.THREE_TO_SIX);

    @Test
    void sumsAndCountsPerIndicatorLikeTheWorksheet() {
        CentreResult result = ScoringRule.DEFAULT.score(CATALOGUE, ratings(3, 2, 2, 1, 3), PRESCHOOL);
        IndicatorResult first = result.standards().getFirst().indicators().getFirst();
        assertThat(first.score()).isEqualTo(5);
        assertThat(first.maxScore()).isEqualTo(6);
        assertThat(first.counts()).containsEntry(ItemLevel.VERY_GOOD, 1).containsEntry(ItemLevel.GOOD, 1)
                .containsEntry(ItemLevel.BASIC, 0);
        assertThat(first.level()).isEqualTo(ItemLevel.GOOD); // mean 2.5 rounded down
    }

    @Test
    void defaultCentreLevelIsTheWeakestStandard() {
        // S1 mean 2.5 → ดี, S2 mean 1.5 → ผ่านเกณฑ์ขั้นต้น, S3 (ข only) 3 → ดีมาก
        CentreResult result = ScoringRule.DEFAULT.score(CATALOGUE, ratings(3, 2, 2, 1, 3), PRESCHOOL);
        assertThat(result.standards()).extracting(StandardResult::level)
                .containsExactly(ItemLevel.GOOD, ItemLevel.BASIC, ItemLevel.VERY_GOOD);
        assertThat(result.complete()).isTrue();
        assertThat(result.level()).isEqualTo(ItemLevel.BASIC);
        assertThat(result.passed()).isTrue();
    }

    @Test
    void anyZeroItemFailsTheCentreByDefault() {
        // S1 mean (3+3)/2 = 3, S2 (3+0)/2 = 1.5 → 1: every standard at least basic, but one item is 0.
        CentreResult result = ScoringRule.DEFAULT.score(CATALOGUE, ratings(3, 3, 3, 0, 3), PRESCHOOL);
        assertThat(result.level()).isEqualTo(ItemLevel.BASIC);
        assertThat(result.zeroItems()).containsExactly("2.1.2");
        assertThat(result.passed()).isFalse();

        ScoringRule lenient = new ScoringRule(Aggregation.MEAN_ROUNDED_DOWN, Aggregation.MEAN_ROUNDED_DOWN,
                Aggregation.MINIMUM, ItemLevel.BASIC, false);
        assertThat(lenient.score(CATALOGUE, ratings(3, 3, 3, 0, 3), PRESCHOOL).passed()).isTrue();
    }

    @Test
    void aggregationIsConfigurable() {
        assertThat(Aggregation.MEAN_ROUNDED_DOWN.apply(List.of(ItemLevel.GOOD, ItemLevel.BASIC))).isEqualTo(ItemLevel.BASIC);
        assertThat(Aggregation.MEAN_ROUNDED_HALF_UP.apply(List.of(ItemLevel.GOOD, ItemLevel.BASIC))).isEqualTo(ItemLevel.GOOD);
        assertThat(Aggregation.MEAN_ROUNDED_HALF_UP.apply(List.of(ItemLevel.GOOD, ItemLevel.BASIC, ItemLevel.BASIC)))
                .isEqualTo(ItemLevel.BASIC);
        assertThat(Aggregation.MINIMUM.apply(List.of(ItemLevel.VERY_GOOD, ItemLevel.BASIC))).isEqualTo(ItemLevel.BASIC);
    }

    @Test
    void incompleteAssessmentHasNoOverallResult() {
        Map<String, ItemLevel> partial = ratings(3, 3, 3, 3, 3);
        partial.remove("1.1.2");
        CentreResult result = ScoringRule.DEFAULT.score(CATALOGUE, partial, PRESCHOOL);
        assertThat(result.unrated()).containsExactly("1.1.2");
        assertThat(result.level()).isNull();
        assertThat(result.passed()).isFalse();
        assertThat(result.standards().getFirst().level()).isEqualTo(ItemLevel.VERY_GOOD);
    }

    @Test
    void centreServingBothAgeGroupsIsAssessedOnBoth() {
        CentreResult result = ScoringRule.DEFAULT.score(CATALOGUE, ratings(3, 3, 3, 3, 3),
                Set.of(AgeGroup.UNDER_THREE, AgeGroup.THREE_TO_SIX));
        assertThat(result.unrated()).containsExactly("3.1.1 ก");
        assertThat(result.passed()).isFalse();
    }

    @Test
    void thePartialCatalogueIsReportedAsIncomplete() {
        // The earlier catalogue lists no items for some indicators: it must not yield a pass.
        StandardCatalogue national = StandardCatalogue.partial();
        Map<String, ItemLevel> all = new HashMap<>();
        national.items().forEach(i -> all.put(i.key(), ItemLevel.VERY_GOOD));
        CentreResult result = ScoringRule.DEFAULT.score(national, all, PRESCHOOL);
        assertThat(result.indicatorsWithoutItems()).contains("1.5", "2.1");
        assertThat(result.passed()).isFalse();
    }

    @Test
    void rejectsUnknownItemsAndItemsOfGroupsNotServed() {
        assertThatThrownBy(() -> ScoringRule.DEFAULT.score(CATALOGUE, Map.of("9.9.9", ItemLevel.GOOD), PRESCHOOL))
                .hasMessageContaining("9.9.9");
        assertThatThrownBy(() -> ScoringRule.DEFAULT.score(CATALOGUE, Map.of("3.1.1 ก", ItemLevel.GOOD), PRESCHOOL))
                .hasMessageContaining("age group");
    }

    private static Map<String, ItemLevel> ratings(int i111, int i112, int i211, int i212, int i311b) {
        Map<String, ItemLevel> r = new HashMap<>();
        r.put("1.1.1", ItemLevel.ofScore(i111));
        r.put("1.1.2", ItemLevel.ofScore(i112));
        r.put("2.1.1", ItemLevel.ofScore(i211));
        r.put("2.1.2", ItemLevel.ofScore(i212));
        r.put("3.1.1 ข", ItemLevel.ofScore(i311b));
        return r;
    }
}
