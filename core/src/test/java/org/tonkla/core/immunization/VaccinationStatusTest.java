package org.tonkla.core.immunization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Due, overdue and next dates against the shipped schedule (PROVENANCE.md: ages [P], catch-up
 * without restarting [P] per กองโรคป้องกันด้วยวัคซีน 2560; the 30-day overdue grace is a Tonkla default).
 */
class VaccinationStatusTest {

    private static final EpiSchedule EPI = EpiSchedule.thaiNational();
    private static final LocalDate DOB = LocalDate.of(2025, 1, 15);

    @Test
    void newbornIsDueForBirthDoses() {
        VaccinationStatus status = EPI.statusOf(DOB, DOB, List.of());
        assertThat(status.due()).extracting(d -> d.dose().series()).containsExactlyInAnyOrder("BCG", "HB");
        assertThat(status.nextDate()).contains(DOB);
        assertThat(status.nextDoses()).extracting(d -> d.dose().primaryCode()).containsExactlyInAnyOrder("010", "041");
    }

    @Test
    void afterBirthDosesTheTwoMonthVisitIsNext() {
        var given = List.of(new GivenDose("010", DOB), new GivenDose("041", DOB));
        VaccinationStatus status = EPI.statusOf(DOB, DOB.plusDays(10), given);
        assertThat(status.overdue()).isEmpty();
        assertThat(status.nextDate()).contains(LocalDate.of(2025, 3, 15));
        assertThat(status.nextDoses()).extracting(d -> d.dose().primaryCode())
                .containsExactlyInAnyOrder("D21", "081", "R11");
    }

    @Test
    void becomesOverdueThirtyDaysAfterItFallsDue() {
        var given = List.of(new GivenDose("010", DOB), new GivenDose("041", DOB));
        LocalDate twoMonths = LocalDate.of(2025, 3, 15);
        assertThat(state(EPI.statusOf(DOB, twoMonths.plusDays(30), given), "DTP", 1)).isEqualTo(DoseStatus.State.DUE);
        assertThat(state(EPI.statusOf(DOB, twoMonths.plusDays(31), given), "DTP", 1)).isEqualTo(DoseStatus.State.OVERDUE);
        assertThat(state(VaccinationStatus.of(EPI, DOB, twoMonths.plusDays(31), given, 60), "DTP", 1))
                .isEqualTo(DoseStatus.State.DUE);
    }

    @Test
    void aLateDoseShiftsTheNextByTheMinimumInterval() {
        // DTP-HB-Hib 1 given late at 3½ months: dose 2 cannot come before 28 days later.
        LocalDate late = LocalDate.of(2025, 4, 30);
        var given = List.of(new GivenDose("D21", late));
        VaccinationStatus status = EPI.statusOf(DOB, late, given);
        DoseStatus second = find(status, "DTP", 2);
        assertThat(second.dueOn()).isEqualTo(late.plusDays(28));
        assertThat(find(status, "DTP", 1).givenOn()).isEqualTo(late);
    }

    @Test
    void dosesRecordedAfterTodayAreIgnored() {
        var given = List.of(new GivenDose("010", DOB.plusDays(5)));
        assertThat(state(EPI.statusOf(DOB, DOB.plusDays(1), given), "BCG", 1)).isEqualTo(DoseStatus.State.DUE);
        assertThat(state(EPI.statusOf(DOB, DOB.plusDays(5), given), "BCG", 1)).isEqualTo(DoseStatus.State.GIVEN);
    }

    @Test
    void thirdRotaDoseOnlyForTheThreeDoseProduct() {
        LocalDate sixMonths = LocalDate.of(2025, 7, 15);
        var twoDose = List.of(new GivenDose("R11", LocalDate.of(2025, 3, 15)), new GivenDose("R12", LocalDate.of(2025, 5, 15)));
        assertThat(state(EPI.statusOf(DOB, sixMonths, twoDose), "ROTA", 3)).isEqualTo(DoseStatus.State.NOT_APPLICABLE);
        var threeDose = List.of(new GivenDose("R21", LocalDate.of(2025, 3, 15)), new GivenDose("r22", LocalDate.of(2025, 5, 15)));
        assertThat(state(EPI.statusOf(DOB, sixMonths, threeDose), "ROTA", 3)).isEqualTo(DoseStatus.State.DUE);
    }

    @Test
    void rotaPastItsAgeLimitIsTooLate() {
        LocalDate oneYear = LocalDate.of(2026, 1, 15);
        assertThat(state(EPI.statusOf(DOB, oneYear, List.of()), "ROTA", 1)).isEqualTo(DoseStatus.State.TOO_LATE);
        assertThat(state(EPI.statusOf(DOB, oneYear, List.of()), "DTP", 1)).isEqualTo(DoseStatus.State.OVERDUE);
    }

    @Test
    void completeScheduleHasNoNextDate() {
        var all = EPI.doses().stream()
                .filter(d -> d.requiresPriorCodes().isEmpty())
                .map(d -> new GivenDose(d.primaryCode(), d.recommendedOn(DOB)))
                .toList();
        VaccinationStatus status = EPI.statusOf(DOB, LocalDate.of(2031, 1, 1), all);
        assertThat(status.nextDate()).isEmpty();
        assertThat(status.overdue()).isEmpty();
    }

    @Test
    void todayBeforeBirthIsRejected() {
        assertThatThrownBy(() -> EPI.statusOf(DOB, DOB.minusDays(1), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static DoseStatus.State state(VaccinationStatus status, String series, int dose) {
        return find(status, series, dose).state();
    }

    private static DoseStatus find(VaccinationStatus status, String series, int dose) {
        return status.doses().stream()
                .filter(d -> d.dose().series().equals(series) && d.dose().dose() == dose)
                .findFirst().orElseThrow();
    }
}
