package org.tonkla.registry;

import java.time.LocalDate;
import java.util.UUID;

/** A period at a service unit; {@code endedOn} is null while it lasts. */
public record Enrolment(UUID id, ChildId childId, UUID unitId, EnrolmentKind kind, String className,
        LocalDate startedOn, LocalDate endedOn, String endReason) {

    public boolean activeOn(LocalDate day) {
        return !startedOn.isAfter(day) && (endedOn == null || endedOn.isAfter(day));
    }
}
