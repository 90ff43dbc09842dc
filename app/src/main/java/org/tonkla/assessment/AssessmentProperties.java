package org.tonkla.assessment;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.tonkla.core.standard.Aggregation;
import org.tonkla.core.standard.ItemLevel;
import org.tonkla.core.standard.ScoringRule;
import org.tonkla.directory.ServiceUnitType;

/**
 * Settings of the assessment module, bound from {@code tonkla.assessment.*}. Everything the
 * standard's sources leave open (THAI-RULES §1.5–1.6 [U]) is here rather than in code.
 *
 * @param scoring how item ratings become indicator, standard and center results
 * @param centerTypes which service-unit types are assessed against the standard
 * @param coordinatingAgencies agencies whose officers review centers of every affiliation in their
 *     area (DCY runs the national ECD information system, ecd.dcy.go.th, THAI-RULES §1.6); officers of
 *     other agencies review only centers affiliated to their agency or one below it
 * @param evidenceMaxBytes the largest evidence file or photo accepted
 * @param dspmItemsFromRecords whether Standard-3 child-outcome items take the level computed from
 *     the children's DSPM records when there are any (the standard scores them by that share)
 * @param inferredFiguresCount whether figures whose mapping to an item is inferred (core's
 *     {@code ItemFigures}: every Standard-3 item but 3.4.1 ข) replace the center's rating too; by
 *     default they are advice beside it
 * @param healthyGrowthBands the lowest percentages of สูงดีสมส่วน children for levels 1, 2 and 3 of
 *     items 3.1.1 ก/ข, e.g. {@code 75,80,85}; none by default, since no threshold was found
 *     (THAI-RULES §1.5 [U]): the share is then shown without a level
 * @param ratioItem the item the caregiver-to-child ratio is shown beside
 * @param growthItem the item growth-monitoring coverage is shown beside
 * @param maxChildrenPerCaregiverUnderThree a ratio to flag above, group ก; none when unset (the
 *     standard's figure was not verified)
 * @param maxChildrenPerCaregiverThreeToSix the same for group ข
 */
@ConfigurationProperties("tonkla.assessment")
public record AssessmentProperties(Scoring scoring, List<ServiceUnitType> centerTypes, List<String> coordinatingAgencies,
        Long evidenceMaxBytes, Boolean dspmItemsFromRecords, Boolean inferredFiguresCount, List<Integer> healthyGrowthBands, String ratioItem, String growthItem,
        Integer maxChildrenPerCaregiverUnderThree, Integer maxChildrenPerCaregiverThreeToSix) {

    public AssessmentProperties {
        if (scoring == null) scoring = new Scoring(null, null, null, null, null);
        if (centerTypes == null || centerTypes.isEmpty()) {
            centerTypes = List.of(ServiceUnitType.EARLY_CHILDHOOD_CENTER, ServiceUnitType.KINDERGARTEN);
        }
        if (coordinatingAgencies == null) coordinatingAgencies = List.of("DCY");
        if (evidenceMaxBytes == null) evidenceMaxBytes = 5L * 1024 * 1024;
        if (dspmItemsFromRecords == null) dspmItemsFromRecords = true;
        if (inferredFiguresCount == null) inferredFiguresCount = false;
        healthyGrowthBands = healthyGrowthBands == null ? List.of() : List.copyOf(healthyGrowthBands);
        if (!healthyGrowthBands.isEmpty() && (healthyGrowthBands.size() != 3
                || !(healthyGrowthBands.get(0) <= healthyGrowthBands.get(1) && healthyGrowthBands.get(1) <= healthyGrowthBands.get(2)))) {
            throw new IllegalArgumentException("tonkla.assessment.healthy-growth-bands: three rising percentages, e.g. 75,80,85");
        }
        if (ratioItem == null) ratioItem = "1.2.4";
        if (growthItem == null) growthItem = "1.4.1";
    }

    /** The configured rule; unset parts take {@link ScoringRule#DEFAULT}'s. */
    public ScoringRule scoringRule() {
        return scoring.rule();
    }

    /** {@code tonkla.assessment.scoring.*}; see {@link ScoringRule}. */
    public record Scoring(Aggregation indicatorLevel, Aggregation standardLevel, Aggregation centerLevel,
            ItemLevel passLevel, Boolean anyZeroItemFails) {

        ScoringRule rule() {
            ScoringRule d = ScoringRule.DEFAULT;
            return new ScoringRule(indicatorLevel != null ? indicatorLevel : d.indicatorLevel(),
                    standardLevel != null ? standardLevel : d.standardLevel(),
                    centerLevel != null ? centerLevel : d.centreLevel(),
                    passLevel != null ? passLevel : d.passLevel(),
                    anyZeroItemFails != null ? anyZeroItemFails : d.anyZeroItemFails());
        }
    }
}
