package org.tonkla.core.standard;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tonkla.core.development.AgeAppropriateOutcome;
import org.tonkla.core.development.DspmDomain;
import org.tonkla.core.development.DspmSchedule;
import org.tonkla.core.development.DspmScreening;
import org.tonkla.core.development.DspmScreeningAge;
import org.tonkla.core.development.ScreeningResult;
import org.tonkla.core.development.ScreeningWindow;

/**
 * Whether a child is age-appropriate in one DSPM domain at one key age: the national rule of
 * {@link DspmSchedule#ageAppropriate} (THAI-RULES §2) read domain by domain, for the per-domain items
 * of Standard 3 ({@link ItemFigures}). The per-domain reading is inferred [I]: the national KPI is
 * defined over all five domains only.
 *
 * <p>The first screening in the key age's window counts. The child is screened in the domain when
 * that screening records the domain (a screening known only by an overall 1B260 passed every domain;
 * one known only by 1B261 or 1B262 says nothing of a single domain, and the child is left out).
 * Age-appropriate: the domain was normal; or it was a suspected delay (the screening overall 1B261,
 * not a referral) and a later screening no more than {@code recheckDays} after it found the domain
 * normal.
 */
public final class DomainOutcome {

    private DomainOutcome() {}

    /**
     * The child's standing in {@code domain} at {@code age}, as known on {@code asOf}; the values
     * mean what they mean for {@link DspmSchedule#ageAppropriate}.
     */
    public static AgeAppropriateOutcome of(DspmSchedule schedule, DspmDomain domain, DspmScreeningAge age,
            LocalDate dateOfBirth, List<DspmScreening> history, LocalDate asOf) {
        Objects.requireNonNull(domain, "domain");
        ScreeningWindow window = schedule.window(age, dateOfBirth);
        if (asOf.isBefore(window.opens())) return AgeAppropriateOutcome.NOT_YET_DUE;
        List<DspmScreening> known = history.stream().filter(s -> !s.date().isAfter(asOf))
                .sorted(Comparator.comparing(DspmScreening::date)).toList();
        Optional<DspmScreening> first = known.stream().filter(s -> window.contains(s.date())).findFirst();
        if (first.isEmpty()) {
            return asOf.isAfter(window.closes()) ? AgeAppropriateOutcome.NOT_SCREENED : AgeAppropriateOutcome.AWAITING_SCREENING;
        }
        DspmScreening screening = first.get();
        Optional<ScreeningResult> result = result(screening, domain);
        if (result.isEmpty()) return AgeAppropriateOutcome.NOT_SCREENED;
        if (result.get() == ScreeningResult.NORMAL) return AgeAppropriateOutcome.PASSED_FIRST_SCREENING;
        if (screening.overall() == ScreeningResult.REFER_NOW && !schedule.recheckAfterReferral()) {
            return AgeAppropriateOutcome.NOT_AGE_APPROPRIATE;
        }
        LocalDate deadline = screening.date().plusDays(schedule.recheckDays());
        boolean passedRecheck = known.stream()
                .filter(s -> s.date().isAfter(screening.date()) && !s.date().isAfter(deadline))
                .anyMatch(s -> result(s, domain).orElse(null) == ScreeningResult.NORMAL);
        if (passedRecheck) return AgeAppropriateOutcome.PASSED_RECHECK;
        return asOf.isAfter(deadline) ? AgeAppropriateOutcome.NOT_AGE_APPROPRIATE : AgeAppropriateOutcome.AWAITING_RECHECK;
    }

    private static Optional<ScreeningResult> result(DspmScreening s, DspmDomain domain) {
        if (!s.domains().isEmpty()) return Optional.of(s.domains().get(domain));
        return s.passedAll() ? Optional.of(ScreeningResult.NORMAL) : Optional.empty();
    }
}
