package org.tonkla.assessment;

/**
 * Where a center's assessment of one year stands. {@link #NOT_STARTED} has no row: the center has not
 * opened the year's assessment.
 */
public enum AssessmentStatus {
    NOT_STARTED, DRAFT, SUBMITTED, RETURNED, ACCEPTED;

    /** Message key, e.g. {@code assessment.status.DRAFT}. */
    public String messageKey() {
        return "assessment.status." + name();
    }

    /** Whether the center has handed it in and it is not back with the center: submitted or accepted. */
    public boolean handedIn() {
        return this == SUBMITTED || this == ACCEPTED;
    }
}
