package org.tonkla.protection;

import java.time.Instant;
import java.util.UUID;

/**
 * A protection concern: opened by a HIGH screening, routed to the social development office of the child's province
 * ({@code officeUnitId}, null when the directory has none) and the child-protection subcommittee of the reporter's
 * district. {@code logReleasedAt} is when the protection worker let the family see its views (null: withheld).
 */
public record Concern(UUID id, UUID childId, String provinceCode, String districtCode, UUID officeUnitId,
        UUID reporterId, String reason, Status status, Instant openedAt, Instant logReleasedAt, int revision) {

    public enum Status {
        OPEN, IN_PROGRESS, CLOSED;

        public String messageKey() {
            return "protection.status." + name();
        }
    }

    /** What the reporter sees of the concern they raised: its progress, nothing of the work on it. */
    public record StatusOnly(UUID id, Status status, Instant openedAt) {}

    public StatusOnly statusOnly() {
        return new StatusOnly(id, status, openedAt);
    }
}
