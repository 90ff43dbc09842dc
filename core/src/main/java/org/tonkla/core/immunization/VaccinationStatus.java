package org.tonkla.core.immunization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which doses of a schedule a child has had, is due for, is overdue for, or will need next.
 *
 * <p>Rules:
 * <ul>
 *   <li>A dose is given when a recorded dose carries one of its codes (THCC 198 codes are
 *       dose-specific: D21 is DTP-HB-Hib 1). The earliest such record counts; codes that match
 *       no scheduled dose (e.g. influenza) are ignored.
 *   <li>A dose falls due at its recommended age, or, if the previous dose of its series was given,
 *       at that date plus the minimum interval when that is later. A late series is continued, not
 *       restarted (MOPH catch-up rule, see PROVENANCE.md).
 *   <li>It is {@code DUE} from that day for {@code overdueAfterDays} days, then {@code OVERDUE};
 *       30 days is a Tonkla default, not a MOPH rule, hence the parameter.
 *   <li>Past its upper age limit an ungiven dose is {@code TOO_LATE}. A dose restricted to a
 *       product applies only if an earlier dose of the series was recorded with that product.
 * </ul>
 *
 * @param dateOfBirth the child's date of birth
 * @param asOf the day the status describes
 * @param doses every scheduled dose with its state, in schedule order
 */
public record VaccinationStatus(LocalDate dateOfBirth, LocalDate asOf, List<DoseStatus> doses) {

    /** Days after the due date before a dose counts as overdue, unless the caller says otherwise. */
    public static final int DEFAULT_OVERDUE_AFTER_DAYS = 30;

    public VaccinationStatus {
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(asOf, "asOf");
        doses = List.copyOf(doses);
    }

    /**
     * The status of every dose in {@code schedule} for a child born on {@code dateOfBirth}, as of
     * {@code today}. Doses recorded after {@code today} are ignored.
     *
     * @throws IllegalArgumentException if {@code today} is before the date of birth or
     *     {@code overdueAfterDays} is negative
     */
    public static VaccinationStatus of(EpiSchedule schedule, LocalDate dateOfBirth, LocalDate today,
            Collection<GivenDose> given, int overdueAfterDays) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(today, "today");
        if (today.isBefore(dateOfBirth)) throw new IllegalArgumentException("today is before the date of birth");
        if (overdueAfterDays < 0) throw new IllegalArgumentException("overdueAfterDays must not be negative");

        List<GivenDose> known = given.stream().filter(g -> !g.date().isAfter(today))
                .sorted(Comparator.comparing(GivenDose::date)).toList();
        Map<String, DoseStatus> bySeriesDose = new HashMap<>();
        List<DoseStatus> result = new ArrayList<>();
        // Series order matters for intervals, so settle each series dose by dose.
        List<ScheduledDose> ordered = schedule.doses().stream()
                .sorted(Comparator.comparing(ScheduledDose::series).thenComparingInt(ScheduledDose::dose)).toList();
        for (ScheduledDose dose : ordered) {
            DoseStatus previous = bySeriesDose.get(dose.series() + "#" + (dose.dose() - 1));
            bySeriesDose.put(dose.series() + "#" + dose.dose(),
                    statusOf(dose, previous, dateOfBirth, today, known, overdueAfterDays));
        }
        for (ScheduledDose dose : schedule.doses()) result.add(bySeriesDose.get(dose.series() + "#" + dose.dose()));
        return new VaccinationStatus(dateOfBirth, today, result);
    }

    private static DoseStatus statusOf(ScheduledDose dose, DoseStatus previous, LocalDate dob, LocalDate today,
            List<GivenDose> known, int overdueAfterDays) {
        LocalDate dueOn = dose.recommendedOn(dob);
        if (previous != null && previous.givenOn() != null) {
            LocalDate afterInterval = previous.givenOn().plusDays(dose.minIntervalDays());
            if (afterInterval.isAfter(dueOn)) dueOn = afterInterval;
        }
        Optional<GivenDose> record = known.stream().filter(g -> dose.isRecordedBy(g.vaccineCode())).findFirst();
        if (record.isPresent()) return new DoseStatus(dose, DoseStatus.State.GIVEN, dueOn, record.get().date());

        if (!dose.requiresPriorCodes().isEmpty()) {
            boolean productGiven = known.stream().anyMatch(g -> dose.requiresPriorCodes().contains(g.vaccineCode().strip().toUpperCase(java.util.Locale.ROOT)));
            if (!productGiven) return new DoseStatus(dose, DoseStatus.State.NOT_APPLICABLE, dueOn, null);
        }
        Optional<LocalDate> lastDay = dose.lastDay(dob);
        if (lastDay.isPresent() && today.isAfter(lastDay.get())) {
            return new DoseStatus(dose, DoseStatus.State.TOO_LATE, dueOn, null);
        }
        DoseStatus.State state;
        if (today.isBefore(dueOn)) state = DoseStatus.State.UPCOMING;
        else if (today.isAfter(dueOn.plusDays(overdueAfterDays))) state = DoseStatus.State.OVERDUE;
        else state = DoseStatus.State.DUE;
        return new DoseStatus(dose, state, dueOn, null);
    }

    /** Doses due now and still within the grace period. */
    public List<DoseStatus> due() {
        return inState(DoseStatus.State.DUE);
    }

    /** Doses overdue. */
    public List<DoseStatus> overdue() {
        return inState(DoseStatus.State.OVERDUE);
    }

    /**
     * The date of the next vaccination visit: the earliest due date among doses not yet given and
     * still applicable (overdue doses make it a past date). Empty when the schedule is complete.
     */
    public Optional<LocalDate> nextDate() {
        return outstanding().stream().map(DoseStatus::dueOn).min(Comparator.naturalOrder());
    }

    /** The doses to give at the next visit: every outstanding dose due on or before {@link #nextDate()}, or due now. */
    public List<DoseStatus> nextDoses() {
        Optional<LocalDate> next = nextDate();
        if (next.isEmpty()) return List.of();
        LocalDate cutoff = next.get().isAfter(asOf) ? next.get() : asOf;
        return outstanding().stream().filter(d -> !d.dueOn().isAfter(cutoff)).toList();
    }

    private List<DoseStatus> outstanding() {
        return doses.stream().filter(d -> d.state() == DoseStatus.State.UPCOMING
                || d.state() == DoseStatus.State.DUE || d.state() == DoseStatus.State.OVERDUE).toList();
    }

    private List<DoseStatus> inState(DoseStatus.State state) {
        return doses.stream().filter(d -> d.state() == state).toList();
    }
}
