package org.tonkla.core.development;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The next DSPM screening a child needs and the days on which it counts.
 *
 * @param reason a key-age screening or the re-check after a suspected delay
 * @param age the key age the screening belongs to
 * @param from the first day it counts
 * @param by the last day it counts
 * @see DspmSchedule#nextDue (THAI-RULES §2)
 */
public record ScreeningDue(Reason reason, DspmScreeningAge age, LocalDate from, LocalDate by) {

    public ScreeningDue {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(by, "by");
    }

    /** Whether {@code today} is after the last day that counts. */
    public boolean isOverdue(LocalDate today) {
        return today.isAfter(by);
    }

    /** Why a screening is due. */
    public enum Reason {
        /** The child reaches 9, 18, 30, 42 or 60 months. */
        KEY_AGE,
        /** Re-assessment one month after a suspected delay (after home stimulation, code 1B261). */
        RECHECK
    }
}
