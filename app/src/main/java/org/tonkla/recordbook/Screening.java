package org.tonkla.recordbook;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.tonkla.core.development.DspmDomain;
import org.tonkla.core.development.ScreeningResult;

/**
 * A DSPM screening: the five domains, the MOPH SPECIALPP outcome code (1B260/1B261/1B262) and,
 * for a re-check, the screening it follows up.
 */
public record Screening(UUID id, LocalDate screenedOn, Integer keyAgeMonths, Map<DspmDomain, ScreeningResult> domains,
        String outcomeCode, UUID followUpOf, boolean referred, String recordedBy) {

    /** The worst result over the five domains. */
    public ScreeningResult overall() {
        return domains.values().stream().max(java.util.Comparator.naturalOrder()).orElse(ScreeningResult.NORMAL);
    }

    public boolean passedAll() {
        return domains.values().stream().allMatch(r -> r == ScreeningResult.NORMAL);
    }
}
