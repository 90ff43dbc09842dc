package org.tonkla.field;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A home-visit campaign: an area (district or subdistrict codes of one province), a period, one form version and the
 * unit where children found on the way are registered.
 */
public record Campaign(UUID id, String name, String provinceCode, LocalDate startsOn, LocalDate endsOn, String formId,
        String formVersion, UUID registeringUnitId, List<String> areaCodes) {

    public boolean openOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** Whether a subdistrict (6 digits) lies in the campaign's area: one of its codes is the subdistrict or its district. */
    public boolean covers(String subdistrictCode) {
        return subdistrictCode != null && areaCodes.stream().anyMatch(subdistrictCode::startsWith);
    }
}
