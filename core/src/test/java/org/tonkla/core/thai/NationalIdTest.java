package org.tonkla.core.thai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * THAI-RULES §4: the 13-digit citizen ID. Primary sources: boonmee.net / clipmass (layout, first
 * digit); jukbot/thai-citizen-id-validator lib/validator.js (mod-11 checksum).
 */
class NationalIdTest {

    @Test
    void checkDigitOfTheWorkedExamples() {
        // §4 worked examples: 110170020345 → 0; 310120012345 → 3
        assertThat(NationalId.checkDigit("110170020345")).isZero();
        assertThat(NationalId.checkDigit("310120012345")).isEqualTo(3);
    }

    @Test
    void checkDigitWrapsTenToZero() {
        // (11 − sum mod 11) mod 10: a remainder of 1 gives 10 → 0, remainder 0 gives 11 → 1.
        // 100000000001: sum = 13 + 2 = 15, 15 mod 11 = 4 → 7
        assertThat(NationalId.checkDigit("100000000001")).isEqualTo(7);
        // 000000000000: sum 0 → (11 − 0) mod 10 = 1
        assertThat(NationalId.checkDigit("000000000000")).isEqualTo(1);
        // 000000000006: sum 12, 12 mod 11 = 1 → 10 mod 10 = 0
        assertThat(NationalId.checkDigit("000000000006")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1101700203450", "1-1017-00203-45-0", " 1 1017 00203 45 0 ", "๑๑๐๑๗๐๐๒๐๓๔๕๐"})
    void parsesWithSeparatorsAndThaiDigits(String text) {
        assertThat(NationalId.parse(text).digits()).isEqualTo("1101700203450");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1101700203451", "110170020345", "11017002034500", "110170020345X", ""})
    void rejectsWrongCheckDigitOrLength(String text) {
        assertThat(NationalId.isValid(text)).isFalse();
        assertThatThrownBy(() -> NationalId.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("110170020345");
    }

    @Test
    void firstDigitGivesThePersonType() {
        // §4 first-digit table
        assertThat(NationalId.parse("1101700203450").personType()).isEqualTo(PersonType.THAI_REGISTERED_ON_TIME);
        assertThat(NationalId.parse("3101200123453").personType()).isEqualTo(PersonType.IN_REGISTER_AT_START);
        String seven = "710120012345";
        assertThat(NationalId.parse(seven + NationalId.checkDigit(seven)).personType())
                .isEqualTo(PersonType.CHILD_OF_TEMPORARY_RESIDENT);
        String zero = "010120012345";
        assertThat(NationalId.parse(zero + NationalId.checkDigit(zero)).personType())
                .isEqualTo(PersonType.STATUS_PROBLEM_REGISTERED);
    }

    @Test
    void toStringNeverShowsTheFullNumber() {
        NationalId id = NationalId.parse("3101200123453");
        assertThat(id.toString()).doesNotContain("3101200123453").doesNotContain("310120").endsWith("3-45-3]");
        assertThat(id.masked()).isEqualTo("x-xxxx-xxxx3-45-3");
        assertThat(id.formatted()).isEqualTo("3-1012-00123-45-3");
        assertThat(id.digits()).isEqualTo("3101200123453");
    }

    @Test
    void recognisesFacilityPlaceholders() {
        // §4 "Pseudo-IDs in HDC": CIDs beginning '0' + HOSPCODE are facility placeholders
        String first12 = "010677000012";
        NationalId placeholder = NationalId.parse(first12 + NationalId.checkDigit(first12));
        assertThat(placeholder.isPlaceholderOf("10677")).isTrue();
        assertThat(placeholder.isPlaceholderOf("10678")).isFalse();
        assertThat(NationalId.parse("1101700203450").isPlaceholderOf("10170")).isFalse();
    }

    @Test
    void registrationProvinceIsDigitsTwoAndThree() {
        assertThat(NationalId.parse("1101700203450").registrationProvinceCode()).isEqualTo("10");
    }
}
