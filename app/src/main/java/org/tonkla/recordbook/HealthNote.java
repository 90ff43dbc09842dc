package org.tonkla.recordbook;

import java.time.LocalDate;
import java.util.UUID;

/** A chronic condition, disability or allergy; {@code resolvedOn} is null while it lasts. */
public record HealthNote(UUID id, Kind kind, String description, LocalDate since, LocalDate resolvedOn, String recordedBy) {

    public enum Kind {
        CHRONIC_CONDITION, DISABILITY, ALLERGY;

        public String messageKey() {
            return "note." + name();
        }
    }
}
