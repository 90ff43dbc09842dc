package org.tonkla.registry;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What is entered to register a child. Exactly one of {@code nationalId}, {@code gCode} and
 * {@code noIdentifierReason} is given.
 *
 * @param unitId the unit that registers the child; the child is enrolled there from {@code enrolledOn}
 * @param subdistrictCode where the household lives (DOPA, 6 digits); blank: the unit's subdistrict
 * @param latitude the household's position, optional; both or neither with {@code longitude}
 * @param confirmedNew the user saw the similar children and says this one is new
 */
public record NewChild(String givenNameTh, String familyNameTh, String givenNameEn, String familyNameEn, Sex sex,
        LocalDate dateOfBirth, String nationality, String nationalId, String gCode, String noIdentifierReason,
        UUID unitId, EnrolmentKind enrolmentKind, String className, LocalDate enrolledOn, String subdistrictCode,
        String houseNo, Double latitude, Double longitude, boolean confirmedNew) {

    @Override
    public String toString() {
        return "NewChild[born " + dateOfBirth + ", unit " + unitId + "]"; // no name or identifier in logs
    }
}
