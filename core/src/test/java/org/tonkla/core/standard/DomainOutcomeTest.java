package org.tonkla.core.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tonkla.core.development.AgeAppropriateOutcome;
import org.tonkla.core.development.DspmDomain;
import org.tonkla.core.development.DspmSchedule;
import org.tonkla.core.development.DspmScreening;
import org.tonkla.core.development.DspmScreeningAge;
import org.tonkla.core.development.ScreeningResult;

class DomainOutcomeTest {

    private static final LocalDate BORN = LocalDate.of(2021, 3, 15);
    private static final LocalDate OPENS = BORN.plusMonths(42);
    private static final LocalDate LATER = LocalDate.of(2100, 1, 1);

    private static DspmScreening screening(LocalDate day, ScreeningResult el) {
        Map<DspmDomain, ScreeningResult> d = new EnumMap<>(DspmDomain.class);
        for (DspmDomain x : DspmDomain.values()) d.put(x, ScreeningResult.NORMAL);
        d.put(DspmDomain.EL, el);
        return DspmScreening.of(day, d);
    }

    private static AgeAppropriateOutcome of(DspmDomain domain, List<DspmScreening> history) {
        return DomainOutcome.of(DspmSchedule.NATIONAL, domain, DspmScreeningAge.M42, BORN, history, LATER);
    }

    @Test
    void aDelayInOneDomainCountsAgainstThatDomainOnly() {
        var history = List.of(screening(OPENS.plusDays(2), ScreeningResult.SUSPECTED_DELAY));
        assertThat(of(DspmDomain.EL, history)).isEqualTo(AgeAppropriateOutcome.NOT_AGE_APPROPRIATE);
        assertThat(of(DspmDomain.GM, history)).isEqualTo(AgeAppropriateOutcome.PASSED_FIRST_SCREENING);
        assertThat(DspmSchedule.NATIONAL.ageAppropriate(DspmScreeningAge.M42, BORN, history, LATER))
                .isEqualTo(AgeAppropriateOutcome.NOT_AGE_APPROPRIATE);
    }

    @Test
    void aRecheckWithinThirtyDaysThatPassesTheDomainCounts() {
        var history = List.of(screening(OPENS.plusDays(2), ScreeningResult.SUSPECTED_DELAY),
                screening(OPENS.plusDays(32), ScreeningResult.NORMAL));
        assertThat(of(DspmDomain.EL, history)).isEqualTo(AgeAppropriateOutcome.PASSED_RECHECK);
        var late = List.of(screening(OPENS.plusDays(2), ScreeningResult.SUSPECTED_DELAY),
                screening(OPENS.plusDays(33), ScreeningResult.NORMAL));
        assertThat(of(DspmDomain.EL, late)).isEqualTo(AgeAppropriateOutcome.NOT_AGE_APPROPRIATE);
    }

    @Test
    void aReferralIsNotRechecked() {
        var history = List.of(screening(OPENS, ScreeningResult.REFER_NOW), screening(OPENS.plusDays(5), ScreeningResult.NORMAL));
        assertThat(of(DspmDomain.EL, history)).isEqualTo(AgeAppropriateOutcome.NOT_AGE_APPROPRIATE);
        assertThat(of(DspmDomain.PS, history)).isEqualTo(AgeAppropriateOutcome.PASSED_FIRST_SCREENING);
    }

    @Test
    void anOverallOnlySuspicionSaysNothingOfOneDomain() {
        var history = List.of(DspmScreening.overallOnly(OPENS, ScreeningResult.SUSPECTED_DELAY));
        assertThat(of(DspmDomain.GM, history).wasScreened()).isFalse();
        var passed = List.of(DspmScreening.overallOnly(OPENS, ScreeningResult.NORMAL));
        assertThat(of(DspmDomain.GM, passed)).isEqualTo(AgeAppropriateOutcome.PASSED_FIRST_SCREENING);
    }
}
