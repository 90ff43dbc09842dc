package org.tonkla.committee;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A child's care plan made at a case conference: goals, the tasks of the agencies, when to review it. */
public record CarePlan(UUID id, UUID meetingId, String goals, LocalDate reviewOn, List<CommitteeTask> tasks) {}
