package org.tonkla.core.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The LMS rows behind the record book's growth charts are the WHO's own (PROVENANCE.md, "Checks performed"). */
class GrowthChartCurvesTest {

    private final GrowthStandards standards = GrowthStandards.load();

    @Test
    void boysWeightForAgeAtBirthIsTheWhoRow() {
        Lms lms = standards.lmsOnDay(Indicator.WEIGHT_FOR_AGE, Sex.MALE, 0).orElseThrow();
        assertThat(lms.l()).isEqualTo(0.3487);
        assertThat(lms.m()).isEqualTo(3.3464);
        assertThat(lms.s()).isEqualTo(0.14602);
    }

    @Test
    void boysLengthStepsDownAtTwoYearsWhereHeightStarts() {
        // WHO: M is 87.8018 cm lying at day 730 and 87.1303 cm standing at day 731.
        assertThat(standards.lmsOnDay(Indicator.LENGTH_HEIGHT_FOR_AGE, Sex.MALE, 730).orElseThrow().m()).isEqualTo(87.8018);
        assertThat(standards.lmsOnDay(Indicator.LENGTH_HEIGHT_FOR_AGE, Sex.MALE, 731).orElseThrow().m()).isEqualTo(87.1303);
    }

    @Test
    void sdLineValueGivesItsZScore() {
        Lms lms = standards.lmsOnDay(Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, Sex.FEMALE, 365).orElseThrow();
        assertThat(lms.zScore(lms.valueAt(-2))).isCloseTo(-2, within(1e-9));
    }

    @Test
    void noRowOutsideTheTablesOrForNonAgeIndicators() {
        assertThat(standards.lmsOnDay(Indicator.ARM_CIRCUMFERENCE_FOR_AGE, Sex.MALE, 90)).isEmpty();
        assertThat(standards.lmsOnDay(Indicator.WEIGHT_FOR_AGE, Sex.MALE, 1827)).isEmpty();
        assertThat(standards.lmsOnDay(Indicator.WEIGHT_FOR_LENGTH_HEIGHT, Sex.MALE, 100)).isEmpty();
    }
}
