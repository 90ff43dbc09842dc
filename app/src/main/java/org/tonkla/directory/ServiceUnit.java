package org.tonkla.directory;

import java.util.UUID;

/**
 * A service unit with its affiliation and place. Official codes are attributes, never keys.
 *
 * @param hospcode the MOPH 5-digit health-facility code, health units only
 * @param schoolCode the MOE school code, schools and kindergartens only
 */
public record ServiceUnit(UUID id, ServiceUnitType type, String nameTh, String nameEn, String agencyCode,
        String subdistrictCode, String provinceCode, Double latitude, Double longitude, String hospcode,
        String schoolCode) {

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameTh;
    }
}
