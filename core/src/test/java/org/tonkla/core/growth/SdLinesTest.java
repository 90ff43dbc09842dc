package org.tonkla.core.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * At every tabulated day of the WHO Child Growth Standards 2006, the value on each SD line from −3 to
 * +3 (computed from the table's own L, M and S, WHO MGRS 2006 Methods and development, ch. 7) scores
 * exactly that z: the right row is found for every day, and the restricted LMS of the weight-based
 * indicators meets the plain formula at ±3 SD. Both sexes, every by-day indicator.
 */
class SdLinesTest {

    private final GrowthStandards standards = GrowthStandards.load();

    @Test
    void everySdLineOfEveryByDayTableScoresItsOwnZ() {
        Indicator[] byDay = {Indicator.WEIGHT_FOR_AGE, Indicator.LENGTH_HEIGHT_FOR_AGE, Indicator.BMI_FOR_AGE,
            Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, Indicator.ARM_CIRCUMFERENCE_FOR_AGE,
            Indicator.TRICEPS_SKINFOLD_FOR_AGE, Indicator.SUBSCAPULAR_SKINFOLD_FOR_AGE};
        ScoreSheet sheet = new ScoreSheet();
        int checked = 0;
        for (Sex sex : Sex.values()) {
            for (int day = 0; day <= 1826; day++) {
                double months = day / Age.DAYS_PER_MONTH;
                // Lying before 731 days and standing after, as the tables are: no 0.7 cm correction applies.
                char position = day < 731 ? 'l' : 'h';
                double length = day < 731 ? 70 : 100;
                for (Indicator indicator : byDay) {
                    var lms = standards.lmsOnDay(indicator, sex, day);
                    if (lms.isEmpty()) continue; // arm circumference and skinfolds start at 91 days
                    for (int k = -3; k <= 3; k++) {
                        double y = lms.get().valueAt(k);
                        double nan = Double.NaN;
                        switch (indicator) {
                            case WEIGHT_FOR_AGE -> standards.score(sex.code(), day, months, y, nan, position, nan, nan, nan, nan, false, sheet);
                            case LENGTH_HEIGHT_FOR_AGE -> standards.score(sex.code(), day, months, nan, y, position, nan, nan, nan, nan, false, sheet);
                            case BMI_FOR_AGE -> standards.score(sex.code(), day, months, y * (length / 100) * (length / 100), length,
                                    position, nan, nan, nan, nan, false, sheet);
                            case HEAD_CIRCUMFERENCE_FOR_AGE -> standards.score(sex.code(), day, months, nan, nan, position, y, nan, nan, nan, false, sheet);
                            case ARM_CIRCUMFERENCE_FOR_AGE -> standards.score(sex.code(), day, months, nan, nan, position, nan, y, nan, nan, false, sheet);
                            case TRICEPS_SKINFOLD_FOR_AGE -> standards.score(sex.code(), day, months, nan, nan, position, nan, nan, y, nan, false, sheet);
                            default -> standards.score(sex.code(), day, months, nan, nan, position, nan, nan, nan, y, false, sheet);
                        }
                        assertThat(sheet.z(indicator)).as("%s %s day %d, %d SD", indicator, sex, day, k).isCloseTo(k, within(0.0101));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(2 * 1827 * 7 * 6);
    }
}
