package org.tonkla.directory.internal;

import java.time.LocalDate;
import org.tonkla.directory.HealthUnitKind;
import org.tonkla.directory.ServiceUnitType;
import org.tonkla.directory.UnitStatus;

/**
 * One unit as an uploaded list gives it. {@code null} means the list does not say (the unit keeps what
 * it has): {@code agencyCode} when the list has no affiliation, {@code status} when it has no status,
 * {@code typeCode} and {@code kind} for lists that are not health units.
 *
 * @param key what identifies the unit across lists: {@code H:}HOSPCODE, {@code S:}school code,
 *     {@code C:}center code, or {@code N:}type, subdistrict and name for a center without a code
 * @param sourceAreaCode the place as the list gave it when it is not a DOPA code, else {@code null}
 */
record IncomingUnit(int row, String key, ServiceUnitType type, HealthUnitKind kind, String typeCode, String nameTh,
        String nameEn, String agencyCode, String provinceCode, String districtCode, String subdistrictCode,
        String sourceAreaCode, String moo, String hospcode, String hospcode9, String schoolCode, String centerCode,
        UnitStatus status, LocalDate closedOn, String source, LocalDate sourceDate) {

    /** The most precise DOPA area known. */
    String areaCode() {
        return subdistrictCode != null ? subdistrictCode : districtCode != null ? districtCode : provinceCode;
    }
}
