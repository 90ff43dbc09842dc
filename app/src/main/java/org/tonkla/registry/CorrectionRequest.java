package org.tonkla.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * A family's request to correct a fact of their child's record (PDPA s.35), routed to the unit that
 * recorded the fact.
 *
 * @param factId the measurement, screening, vaccination, note, guardian or enrolment named; null for identity
 * @param childName the child's Thai name, for the unit's list (the family knows it)
 */
public record CorrectionRequest(UUID id, ChildId childId, String childName, UUID unitId, Kind kind, UUID factId,
        String field, String description, Status status, String resolution, String resolvedBy, Instant requestedAt,
        Instant resolvedAt, int revision) {

    /** What kind of fact the family names. */
    public enum Kind {
        MEASUREMENT, SCREENING, IMMUNIZATION, HEALTH_NOTE, IDENTITY, GUARDIAN, ENROLMENT;

        /** Whether the record book (not the registry) holds facts of this kind. */
        public boolean inRecordBook() {
            return this == MEASUREMENT || this == SCREENING || this == IMMUNIZATION || this == HEALTH_NOTE;
        }

        public String messageKey() {
            return "correctionRequest.kind." + name();
        }
    }

    public enum Status {
        OPEN, CORRECTED, REJECTED;

        public String messageKey() {
            return "correctionRequest.status." + name();
        }
    }
}
