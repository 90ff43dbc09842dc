package org.tonkla.core.development;

/**
 * Where one child stands on the national "age-appropriate development" (พัฒนาการสมวัย) indicator
 * for one key screening age.
 *
 * @see DspmSchedule#ageAppropriate (THAI-RULES §2)
 */
public enum AgeAppropriateOutcome {
    /** Counts: passed all five domains at the first screening in the window. */
    PASSED_FIRST_SCREENING,
    /** Counts: suspected at first screening, then passed all five on re-check within 30 days. */
    PASSED_RECHECK,
    /** Does not count: suspected and not passed on re-check in time (or referred at once). */
    NOT_AGE_APPROPRIATE,
    /** Suspected at first screening; the re-check period has not yet ended. */
    AWAITING_RECHECK,
    /** The window is open and the child has not been screened yet. */
    AWAITING_SCREENING,
    /** The window closed without a screening in it; the child is outside the indicator. */
    NOT_SCREENED,
    /** The child has not reached the key age yet. */
    NOT_YET_DUE;

    /** Whether the child counts as developing age-appropriately (the indicator's numerator). */
    public boolean isAgeAppropriate() {
        return this == PASSED_FIRST_SCREENING || this == PASSED_RECHECK;
    }

    /** Whether the child is in the indicator's denominator (was screened in the window). */
    public boolean wasScreened() {
        return this == PASSED_FIRST_SCREENING || this == PASSED_RECHECK || this == NOT_AGE_APPROPRIATE
                || this == AWAITING_RECHECK;
    }
}
