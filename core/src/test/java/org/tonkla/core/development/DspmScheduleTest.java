package org.tonkla.core.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * THAI-RULES §2: key ages, 30-day window, re-check within 30 days, the age-appropriate KPI.
 * Primary sources: data.go.th anamai_child-development (ages, KPI); HDC DSPM dataset on
 * youthlink.gbdi.cloud (window example); per-KPI script TIMESTAMPADD(DAY,30,f_screen_date).
 */
class DspmScheduleTest {

    private static final DspmSchedule RULES = DspmSchedule.NATIONAL;
    // Turns 18 months on 1 Jul 2025, the HDC page's example.
    private static final LocalDate DOB = LocalDate.of(2024, 1, 1);

    @Test
    void keyAgesAreNineEighteenThirtyFortyTwoSixty() {
        assertThat(DspmScreeningAge.values()).extracting(DspmScreeningAge::months).containsExactly(9, 18, 30, 42, 60);
    }

    @Test
    void windowIsTheHdcExample() {
        // "a child who turns 18 months on 1 Jul must be screened 1–30 Jul"
        ScreeningWindow window = RULES.window(DspmScreeningAge.M18, DOB);
        assertThat(window.opens()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(window.closes()).isEqualTo(LocalDate.of(2025, 7, 30));
        assertThat(window.contains(LocalDate.of(2025, 6, 30))).isFalse();
        assertThat(window.contains(LocalDate.of(2025, 7, 30))).isTrue();
        assertThat(window.contains(LocalDate.of(2025, 7, 31))).isFalse();
    }

    @Test
    void monthEndBirthdaysReachTheAgeOnTheLastDayOfTheMonth() {
        assertThat(DspmScreeningAge.M9.reachedOn(LocalDate.of(2023, 12, 31))).isEqualTo(LocalDate.of(2024, 9, 30));
    }

    @Test
    void passingAllFiveAtFirstScreeningCounts() {
        var history = List.of(DspmScreening.allNormal(LocalDate.of(2025, 7, 5)));
        assertThat(RULES.ageAppropriate(DspmScreeningAge.M18, DOB, history, LocalDate.of(2025, 7, 5)))
                .isEqualTo(AgeAppropriateOutcome.PASSED_FIRST_SCREENING);
    }

    @Test
    void suspectedThenPassedWithinThirtyDaysCounts() {
        LocalDate first = LocalDate.of(2025, 7, 5);
        var history = List.of(suspected(first), DspmScreening.allNormal(first.plusDays(30)));
        assertThat(RULES.ageAppropriate(DspmScreeningAge.M18, DOB, history, first.plusDays(40)))
                .isEqualTo(AgeAppropriateOutcome.PASSED_RECHECK);
    }

    @Test
    void passingOnDayThirtyOneDoesNotCount() {
        LocalDate first = LocalDate.of(2025, 7, 5);
        var history = List.of(suspected(first), DspmScreening.allNormal(first.plusDays(31)));
        assertThat(RULES.ageAppropriate(DspmScreeningAge.M18, DOB, history, first.plusDays(40)))
                .isEqualTo(AgeAppropriateOutcome.NOT_AGE_APPROPRIATE);
    }

    @Test
    void awaitingRecheckUntilDayThirty() {
        LocalDate first = LocalDate.of(2025, 7, 5);
        var history = List.of(suspected(first));
        assertThat(RULES.ageAppropriate(DspmScreeningAge.M18, DOB, history, first.plusDays(30)))
                .isEqualTo(AgeAppropriateOutcome.AWAITING_RECHECK);
        assertThat(RULES.ageAppropriate(DspmScreeningAge.M18, DOB, history, first.plusDays(31)))
                .isEqualTo(AgeAppropriateOutcome.NOT_AGE_APPROPRIATE);
    }

    @Test
    void immediateReferralIsNotRecheckedByDefault() {
        LocalDate first = LocalDate.of(2025, 7, 5);
        var history = List.of(DspmScreening.overallOnly(first, ScreeningResult.REFER_NOW),
                DspmScreening.allNormal(first.plusDays(20)));
        assertThat(RULES.ageAppropriate(DspmScreeningAge.M18, DOB, history, first.plusDays(40)))
                .isEqualTo(AgeAppropriateOutcome.NOT_AGE_APPROPRIATE);
        assertThat(new DspmSchedule(30, 30, true).ageAppropriate(DspmScreeningAge.M18, DOB, history, first.plusDays(40)))
                .isEqualTo(AgeAppropriateOutcome.PASSED_RECHECK);
    }

    @Test
    void screeningOutsideTheWindowLeavesTheChildUnscreened() {
        var history = List.of(DspmScreening.allNormal(LocalDate.of(2025, 7, 31)));
        assertThat(RULES.ageAppropriate(DspmScreeningAge.M18, DOB, history, LocalDate.of(2025, 8, 1)))
                .isEqualTo(AgeAppropriateOutcome.NOT_SCREENED);
        assertThat(RULES.ageAppropriate(DspmScreeningAge.M18, DOB, List.of(), LocalDate.of(2025, 7, 15)))
                .isEqualTo(AgeAppropriateOutcome.AWAITING_SCREENING);
        assertThat(RULES.ageAppropriate(DspmScreeningAge.M18, DOB, List.of(), LocalDate.of(2025, 6, 30)))
                .isEqualTo(AgeAppropriateOutcome.NOT_YET_DUE);
    }

    @Test
    void screeningsAfterAsOfAreIgnored() {
        var history = List.of(DspmScreening.allNormal(LocalDate.of(2025, 7, 20)));
        assertThat(RULES.ageAppropriate(DspmScreeningAge.M18, DOB, history, LocalDate.of(2025, 7, 10)))
                .isEqualTo(AgeAppropriateOutcome.AWAITING_SCREENING);
    }

    @Test
    void nextDueIsTheFirstKeyAgeNotYetScreened() {
        LocalDate today = LocalDate.of(2024, 8, 15);
        ScreeningDue due = RULES.nextDue(DOB, today, List.of()).orElseThrow();
        assertThat(due.reason()).isEqualTo(ScreeningDue.Reason.KEY_AGE);
        assertThat(due.age()).isEqualTo(DspmScreeningAge.M9);
        assertThat(due.from()).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThat(due.by()).isEqualTo(LocalDate.of(2024, 10, 30));
    }

    @Test
    void nextDueMovesOnAfterAScreeningOrAMissedWindow() {
        var screenedAtNine = List.of(DspmScreening.allNormal(LocalDate.of(2024, 10, 3)));
        assertThat(RULES.nextDue(DOB, LocalDate.of(2024, 10, 3), screenedAtNine).orElseThrow().age())
                .isEqualTo(DspmScreeningAge.M18);
        // Nothing recorded and the 9-month window has closed: the 18-month screening is next,
        // and 9 months is reported as missed.
        assertThat(RULES.nextDue(DOB, LocalDate.of(2024, 11, 1), List.of()).orElseThrow().age())
                .isEqualTo(DspmScreeningAge.M18);
        assertThat(RULES.missed(DOB, LocalDate.of(2024, 11, 1), List.of())).containsExactly(DspmScreeningAge.M9);
    }

    @Test
    void recheckIsDueThirtyDaysAfterASuspectedDelay() {
        LocalDate first = LocalDate.of(2025, 7, 5);
        ScreeningDue due = RULES.nextDue(DOB, first, List.of(suspected(first))).orElseThrow();
        assertThat(due.reason()).isEqualTo(ScreeningDue.Reason.RECHECK);
        assertThat(due.age()).isEqualTo(DspmScreeningAge.M18);
        assertThat(due.by()).isEqualTo(LocalDate.of(2025, 8, 4));
        assertThat(due.isOverdue(LocalDate.of(2025, 8, 4))).isFalse();
        assertThat(due.isOverdue(LocalDate.of(2025, 8, 5))).isTrue();
    }

    @Test
    void afterTheRecheckTheNextKeyAgeIsDue() {
        LocalDate first = LocalDate.of(2025, 7, 5);
        var passed = List.of(suspected(first), DspmScreening.allNormal(first.plusDays(28)));
        assertThat(RULES.nextDue(DOB, first.plusDays(28), passed).orElseThrow().age()).isEqualTo(DspmScreeningAge.M30);
        // A failed re-check means TEDA4I referral, not a third DSPM re-check.
        var failed = List.of(suspected(first), suspected(first.plusDays(28)));
        ScreeningDue next = RULES.nextDue(DOB, first.plusDays(28), failed).orElseThrow();
        assertThat(next.reason()).isEqualTo(ScreeningDue.Reason.KEY_AGE);
        assertThat(next.age()).isEqualTo(DspmScreeningAge.M30);
    }

    @Test
    void nothingIsDueAfterTheSixtyMonthWindow() {
        assertThat(RULES.nextDue(DOB, LocalDate.of(2029, 2, 1), List.of())).isEmpty();
    }

    @Test
    void screeningMustRecordAllFiveDomainsOrNone() {
        Map<DspmDomain, ScreeningResult> two = new EnumMap<>(DspmDomain.class);
        two.put(DspmDomain.GM, ScreeningResult.NORMAL);
        two.put(DspmDomain.FM, ScreeningResult.NORMAL);
        assertThatThrownBy(() -> DspmScreening.of(LocalDate.of(2025, 1, 1), two)).isInstanceOf(IllegalArgumentException.class);
        Map<DspmDomain, ScreeningResult> five = new EnumMap<>(DspmDomain.class);
        for (DspmDomain d : DspmDomain.values()) five.put(d, ScreeningResult.NORMAL);
        assertThatThrownBy(() -> new DspmScreening(LocalDate.of(2025, 1, 1), ScreeningResult.SUSPECTED_DELAY, five))
                .hasMessageContaining("contradicts");
    }

    private static DspmScreening suspected(LocalDate day) {
        Map<DspmDomain, ScreeningResult> domains = new EnumMap<>(DspmDomain.class);
        for (DspmDomain d : DspmDomain.values()) domains.put(d, ScreeningResult.NORMAL);
        domains.put(DspmDomain.EL, ScreeningResult.SUSPECTED_DELAY);
        return DspmScreening.of(day, domains);
    }
}
