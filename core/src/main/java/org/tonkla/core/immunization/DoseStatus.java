package org.tonkla.core.immunization;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One scheduled dose for one child, as of a given day.
 *
 * @param dose the scheduled dose
 * @param state given, upcoming, due, overdue, too late or not applicable
 * @param dueOn the day the dose is due: the recommended age, or the previous dose plus the
 *     minimum interval if that is later
 * @param givenOn the day it was given, or {@code null}
 * @see VaccinationStatus
 */
public record DoseStatus(ScheduledDose dose, State state, LocalDate dueOn, LocalDate givenOn) {

    public DoseStatus {
        Objects.requireNonNull(dose, "dose");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(dueOn, "dueOn");
        if ((state == State.GIVEN) != (givenOn != null)) {
            throw new IllegalArgumentException("givenOn is set exactly when the dose was given");
        }
    }

    /** The day it was given, if it was. */
    public Optional<LocalDate> given() {
        return Optional.ofNullable(givenOn);
    }

    /** Where a dose stands. */
    public enum State {
        /** Recorded. */
        GIVEN,
        /** Not yet due. */
        UPCOMING,
        /** Due and still within the grace period. */
        DUE,
        /** Not given within the grace period after it fell due. */
        OVERDUE,
        /** Past the dose's upper age limit; no longer given. */
        TOO_LATE,
        /** Does not apply to this child (e.g. the third dose of a product the child did not get). */
        NOT_APPLICABLE
    }
}
