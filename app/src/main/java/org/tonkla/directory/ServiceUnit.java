package org.tonkla.directory;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A service unit with its affiliation and place. Official codes are attributes, never keys.
 *
 * @param agencyCode the owning agency today (see {@link UnitOwners} for changes with a date)
 * @param subdistrictCode the DOPA subdistrict, or {@code null} when the unit's list does not give one
 * @param hospcode the MOPH 5-digit health-facility code, health units only
 * @param schoolCode the MOE school code, schools and kindergartens only
 * @param districtCode the DOPA district, or {@code null} when not known
 * @param status a {@link UnitStatus#CLOSED} unit keeps its records and accepts no new ones
 * @param closedOn when it closed, or {@code null}
 * @param healthKind the finer kind of a health unit, or {@code null} for other units
 */
public record ServiceUnit(UUID id, ServiceUnitType type, String nameTh, String nameEn, String agencyCode,
        String subdistrictCode, String provinceCode, Double latitude, Double longitude, String hospcode,
        String schoolCode, String districtCode, UnitStatus status, LocalDate closedOn, HealthUnitKind healthKind) {

    public ServiceUnit {
        if (status == null) status = UnitStatus.ACTIVE;
        if (districtCode == null && subdistrictCode != null && subdistrictCode.length() >= 4) {
            districtCode = subdistrictCode.substring(0, 4);
        }
        if (provinceCode == null && districtCode != null) provinceCode = districtCode.substring(0, 2);
    }

    /** An active unit in a subdistrict, as centers, schools and demo units are added. */
    public ServiceUnit(UUID id, ServiceUnitType type, String nameTh, String nameEn, String agencyCode,
            String subdistrictCode, String provinceCode, Double latitude, Double longitude, String hospcode,
            String schoolCode) {
        this(id, type, nameTh, nameEn, agencyCode, subdistrictCode, provinceCode, latitude, longitude, hospcode,
                schoolCode, null, UnitStatus.ACTIVE, null, null);
    }

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameTh;
    }

    /** The most precise area known: the subdistrict, else the district, else the province. */
    public String areaCode() {
        return subdistrictCode != null ? subdistrictCode : districtCode != null ? districtCode : provinceCode;
    }

    /** Whether records may still be added at this unit. */
    public boolean acceptsNewRecords() {
        return status == UnitStatus.ACTIVE;
    }
}
