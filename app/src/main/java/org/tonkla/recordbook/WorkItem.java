package org.tonkla.recordbook;

import java.time.LocalDate;
import org.tonkla.registry.Child;

/**
 * One thing a unit must do for a child on its roster.
 *
 * @param detail shown after the kind: the key age in months (DSPM) or the overdue vaccines
 * @param dueBy the last day that counts, if the task has one
 * @param lastMeasuredOn for {@link Kind#NO_MEASUREMENT}, the day of the latest measurement, if any
 */
public record WorkItem(Kind kind, Child child, String className, String detail, LocalDate dueBy,
        LocalDate lastMeasuredOn) {

    /** The work lists of issue 4: screenings due this month, re-checks, overdue vaccines, growth not followed. */
    public enum Kind {
        /** A DSPM key-age screening (9, 18, 30, 42, 60 months) whose window is open this month. */
        DSPM_DUE,
        /** The re-screen 30 days after a suspected delay. */
        DSPM_RECHECK,
        /** A key-age window or re-check that closed without a screening being recorded. */
        DSPM_OVERDUE,
        /** A dose of the national EPI schedule past its grace period. */
        VACCINE_OVERDUE,
        /** No weight or height for three months (or never). */
        NO_MEASUREMENT;

        public String messageKey() {
            return "worklist.kind." + name();
        }
    }
}
