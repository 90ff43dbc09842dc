package org.tonkla.directory;

import java.util.List;

/**
 * What a province → district → subdistrict picker shows (issue 10 §4: pickers, not codes): every province,
 * and the districts and subdistricts under the chosen ones, so a form re-shown after an error keeps the choice
 * without a script; {@code /js/pickers.js} refreshes the lists when the user chooses another.
 */
public record AreaChoices(List<Area> provinces, List<Area> districts, List<Area> subdistricts, String province,
        String district, String subdistrict) {

    /** The choices around {@code code} (2, 4 or 6 digits, or empty for none chosen). */
    public static AreaChoices around(Directory directory, String code) {
        String c = code == null || !code.strip().matches("\\d{2}|\\d{4}|\\d{6}") ? "" : code.strip();
        String province = c.length() >= 2 ? c.substring(0, 2) : "";
        String district = c.length() >= 4 ? c.substring(0, 4) : "";
        return new AreaChoices(directory.areasAtLevel(AreaLevel.PROVINCE),
                province.isEmpty() ? List.of() : directory.childrenOf(province),
                district.isEmpty() ? List.of() : directory.childrenOf(district),
                province, district, c.length() == 6 ? c : "");
    }
}
