package org.tonkla.committee;

import java.time.LocalDate;
import java.util.UUID;

/** A meeting of a committee, numbered from 1. */
public record Meeting(UUID id, UUID committeeId, int number, LocalDate heldOn, String place, Status status,
        String minutes, int revision) {

    /** DRAFT: the secretary prepares the agenda; PUBLISHED: sent to members; CLOSED: minutes final. */
    public enum Status {
        DRAFT, PUBLISHED, CLOSED;

        public String messageKey() {
            return "committee.meeting.status." + name();
        }
    }
}
