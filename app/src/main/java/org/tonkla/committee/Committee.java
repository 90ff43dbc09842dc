package org.tonkla.committee;

import java.util.UUID;

/** A district committee: which kind, of which district (four-digit code). */
public record Committee(UUID id, Kind kind, String districtCode, String nameTh) {

    /** พชอ. (the district quality-of-life development committee) or the district child-protection subcommittee. */
    public enum Kind {
        QUALITY_OF_LIFE, CHILD_PROTECTION;

        public String messageKey() {
            return "committee.kind." + name();
        }
    }
}
