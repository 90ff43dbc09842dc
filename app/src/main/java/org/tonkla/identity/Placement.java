package org.tonkla.identity;

import java.util.List;
import java.util.UUID;

/**
 * Where an org unit lies, as the scope check needs it.
 *
 * @param areaCode the DOPA code of the unit's area: its subdistrict for a service unit, the area
 *     itself for an area, empty for the country
 * @param serviceUnitId the service unit, or {@code null} for an area
 * @param agencyLineage the unit's affiliation and every agency above it (e.g. DLA, MOI); empty for areas
 */
public record Placement(String areaCode, UUID serviceUnitId, List<String> agencyLineage) {

    public Placement {
        agencyLineage = List.copyOf(agencyLineage);
    }

    public static Placement ofArea(String code) {
        return new Placement(code, null, List.of());
    }

    public static Placement country() {
        return new Placement("", null, List.of());
    }
}
