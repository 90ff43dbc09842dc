package org.tonkla.committee;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A decision of a meeting: what an agency (optionally one of its units) does by when. {@code aboutChild} says
 * whether it was decided on a child's case; the child is never named here.
 */
public record CommitteeTask(UUID id, UUID meetingId, int meetingNumber, boolean aboutChild, String description,
        String agencyCode, UUID unitId, LocalDate dueOn, boolean done, String doneNote) {}
