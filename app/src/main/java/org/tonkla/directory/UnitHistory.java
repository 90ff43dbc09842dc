package org.tonkla.directory;

import java.time.Instant;
import java.time.LocalDate;

/** One past change of a unit: an import's change or an owner change, with who and when. */
public record UnitHistory(UnitImportPreview.ChangeKind kind, String oldValue, String newValue, LocalDate effectiveOn,
        String changedBy, Instant changedAt) {}
