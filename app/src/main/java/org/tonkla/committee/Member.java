package org.tonkla.committee;

import java.util.UUID;

/** A member of a committee: a Tonkla user, the agency they come from, and their position in the committee. */
public record Member(UUID userId, String username, String displayName, String agencyCode, Position position) {

    /** Chair (ประธาน), secretary (เลขานุการ: prepares meetings), or member. */
    public enum Position {
        CHAIR, SECRETARY, MEMBER;

        public String messageKey() {
            return "committee.position." + name();
        }
    }
}
