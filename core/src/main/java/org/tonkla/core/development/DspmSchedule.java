package org.tonkla.core.development;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a child's DSPM screenings fall due, and whether the child counts as developing
 * age-appropriately, under the national rules.
 *
 * <p>The rules, with their sources (THAI-RULES §2):
 * <ul>
 *   <li>Key screening ages 9, 18, 30, 42, 60 months (data.go.th anamai_child-development).
 *   <li>A key-age screening counts only within {@code windowDays} days from the day the child
 *       reaches the age, that day included: "turns 18 months on 1 Jul must be screened 1–30 Jul"
 *       (HDC DSPM dataset, youthlink.gbdi.cloud).
 *   <li>A suspected delay (1B261) is stimulated at home for a month and re-assessed; the child
 *       counts as age-appropriate if all five domains pass at a re-check no later than
 *       {@code recheckDays} days after the first screening (data.go.th; per-KPI script
 *       {@code TIMESTAMPADD(DAY,30,f_screen_date)}).
 *   <li>The per-KPI script counts re-checks after 1B261 only. A child referred at once (1B262) goes
 *       to TEDA4I assessment instead, so by default a re-check after 1B262 does not count;
 *       {@code recheckAfterReferral} turns that on if a programme rules otherwise.
 * </ul>
 * The first screening in the window is the one that counts; a second screening in the window is a
 * re-check, not a fresh first attempt.
 *
 * @param windowDays length of a key-age window, in days, opening day included
 * @param recheckDays the last day after a suspected screening on which a re-check counts
 * @param recheckAfterReferral whether a re-check after 1B262 can make the child count
 */
public record DspmSchedule(int windowDays, int recheckDays, boolean recheckAfterReferral) {

    /** The HDC rules: 30-day window, re-check within 30 days, only after 1B261. */
    public static final DspmSchedule NATIONAL = new DspmSchedule(30, 30, false);

    public DspmSchedule {
        if (windowDays < 1) throw new IllegalArgumentException("windowDays must be at least 1");
        if (recheckDays < 1) throw new IllegalArgumentException("recheckDays must be at least 1");
    }

    /** The days on which the screening for {@code age} counts: the day the age is reached and the next {@code windowDays − 1}. */
    public ScreeningWindow window(DspmScreeningAge age, LocalDate dateOfBirth) {
        LocalDate opens = age.reachedOn(dateOfBirth);
        return new ScreeningWindow(opens, opens.plusDays(windowDays - 1L));
    }

    /**
     * The key age whose window contains {@code day}, if any; a screening on another day is
     * surveillance, not screening.
     */
    public Optional<DspmScreeningAge> keyAgeOn(LocalDate dateOfBirth, LocalDate day) {
        for (DspmScreeningAge age : DspmScreeningAge.values()) {
            if (window(age, dateOfBirth).contains(day)) return Optional.of(age);
        }
        return Optional.empty();
    }

    /**
     * Where the child stands on the age-appropriate-development indicator for {@code age}.
     *
     * <p>Screenings dated after {@code asOf} are ignored, so the result is what was knowable on
     * that day. The history may be in any order and may hold screenings for other ages.
     */
    public AgeAppropriateOutcome ageAppropriate(
            DspmScreeningAge age, LocalDate dateOfBirth, List<DspmScreening> history, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        ScreeningWindow window = window(age, dateOfBirth);
        if (asOf.isBefore(window.opens())) return AgeAppropriateOutcome.NOT_YET_DUE;
        List<DspmScreening> known = upTo(history, asOf);
        Optional<DspmScreening> first = known.stream().filter(s -> window.contains(s.date())).findFirst();
        if (first.isEmpty()) {
            return asOf.isAfter(window.closes()) ? AgeAppropriateOutcome.NOT_SCREENED : AgeAppropriateOutcome.AWAITING_SCREENING;
        }
        DspmScreening screening = first.get();
        if (screening.passedAll()) return AgeAppropriateOutcome.PASSED_FIRST_SCREENING;
        if (screening.overall() == ScreeningResult.REFER_NOW && !recheckAfterReferral) {
            return AgeAppropriateOutcome.NOT_AGE_APPROPRIATE;
        }
        LocalDate deadline = screening.date().plusDays(recheckDays);
        boolean passedRecheck = known.stream()
                .filter(s -> s.date().isAfter(screening.date()) && !s.date().isAfter(deadline))
                .anyMatch(DspmScreening::passedAll);
        if (passedRecheck) return AgeAppropriateOutcome.PASSED_RECHECK;
        return asOf.isAfter(deadline) ? AgeAppropriateOutcome.NOT_AGE_APPROPRIATE : AgeAppropriateOutcome.AWAITING_RECHECK;
    }

    /**
     * The next screening the child needs, as of {@code today}.
     *
     * <p>A pending re-check comes first: the latest screening was a suspected delay that is not
     * itself a failed re-check, and no later screening exists. It is due from the next day until
     * {@code recheckDays} days after (overdue after that), and stays the answer until the next
     * key-age window opens. Otherwise the answer is the earliest key age whose window has not
     * closed and holds no screening yet. Empty once the 60-month window has closed.
     */
    public Optional<ScreeningDue> nextDue(LocalDate dateOfBirth, LocalDate today, List<DspmScreening> history) {
        Objects.requireNonNull(today, "today");
        List<DspmScreening> known = upTo(history, today);
        Optional<ScreeningDue> keyAge = nextKeyAge(dateOfBirth, today, known);
        Optional<ScreeningDue> recheck = pendingRecheck(dateOfBirth, known);
        if (recheck.isPresent() && (keyAge.isEmpty() || today.isBefore(keyAge.get().from()))) return recheck;
        return keyAge;
    }

    /** The key ages whose window closed before {@code today} with no screening in it. */
    public List<DspmScreeningAge> missed(LocalDate dateOfBirth, LocalDate today, List<DspmScreening> history) {
        List<DspmScreening> known = upTo(history, today);
        List<DspmScreeningAge> missed = new ArrayList<>();
        for (DspmScreeningAge age : DspmScreeningAge.values()) {
            ScreeningWindow window = window(age, dateOfBirth);
            if (today.isAfter(window.closes()) && known.stream().noneMatch(s -> window.contains(s.date()))) {
                missed.add(age);
            }
        }
        return missed;
    }

    private Optional<ScreeningDue> nextKeyAge(LocalDate dateOfBirth, LocalDate today, List<DspmScreening> known) {
        for (DspmScreeningAge age : DspmScreeningAge.values()) {
            ScreeningWindow window = window(age, dateOfBirth);
            if (today.isAfter(window.closes())) continue;
            if (known.stream().anyMatch(s -> window.contains(s.date()))) continue;
            return Optional.of(new ScreeningDue(ScreeningDue.Reason.KEY_AGE, age, window.opens(), window.closes()));
        }
        return Optional.empty();
    }

    private Optional<ScreeningDue> pendingRecheck(LocalDate dateOfBirth, List<DspmScreening> known) {
        if (known.isEmpty()) return Optional.empty();
        DspmScreening latest = known.getLast();
        boolean needsRecheck = latest.overall() == ScreeningResult.SUSPECTED_DELAY
                || (latest.overall() == ScreeningResult.REFER_NOW && recheckAfterReferral);
        if (!needsRecheck) return Optional.empty();
        // A suspected result within recheckDays of an earlier suspected one is that one's re-check:
        // still delayed means referral to TEDA4I, not another DSPM re-check.
        boolean isItselfARecheck = known.stream().anyMatch(s -> s != latest
                && s.overall().isSuspectedDelay()
                && s.date().isBefore(latest.date())
                && !latest.date().isAfter(s.date().plusDays(recheckDays)));
        if (isItselfARecheck) return Optional.empty();
        DspmScreeningAge age = ageFor(dateOfBirth, latest.date());
        return Optional.of(new ScreeningDue(ScreeningDue.Reason.RECHECK, age,
                latest.date().plusDays(1), latest.date().plusDays(recheckDays)));
    }

    // The key age a screening belongs to: the window it is in, else the latest age reached by then.
    private DspmScreeningAge ageFor(LocalDate dateOfBirth, LocalDate day) {
        return keyAgeOn(dateOfBirth, day).orElseGet(() -> {
            DspmScreeningAge reached = DspmScreeningAge.M9;
            for (DspmScreeningAge age : DspmScreeningAge.values()) {
                if (!day.isBefore(age.reachedOn(dateOfBirth))) reached = age;
            }
            return reached;
        });
    }

    private static List<DspmScreening> upTo(List<DspmScreening> history, LocalDate day) {
        return history.stream()
                .filter(s -> !s.date().isAfter(day))
                .sorted(Comparator.comparing(DspmScreening::date))
                .toList();
    }
}
