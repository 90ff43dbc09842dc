package org.tonkla.core.thai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * THAI-RULES §8.5: BE = CE + 543; 43-file dates are CE, Thai UIs show BE. Primary sources:
 * PyThaiNLP util/strftime.py; DMH 43-file dictionary.
 */
class BuddhistEraTest {

    private static final LocalDate FIFTH_JAN_2025 = LocalDate.of(2025, 1, 5);

    @Test
    void yearsDifferBy543() {
        assertThat(BuddhistEra.toBuddhistYear(2025)).isEqualTo(2568);
        assertThat(BuddhistEra.toCommonEraYear(2564)).isEqualTo(2021);
    }

    @Test
    void formatsTheThreeChosenForms() {
        assertThat(BuddhistEra.formatShort(FIFTH_JAN_2025)).isEqualTo("5 ม.ค. 2568");
        assertThat(BuddhistEra.formatLong(FIFTH_JAN_2025)).isEqualTo("5 มกราคม 2568");
        assertThat(BuddhistEra.formatNumeric(FIFTH_JAN_2025)).isEqualTo("05/01/2568");
        assertThat(BuddhistEra.formatShort(LocalDate.of(2026, 11, 22))).isEqualTo("22 พ.ย. 2569");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 ม.ค. 2568", "5 มกราคม 2568", "05/01/2568", "5/1/2568", "5  ม.ค  2568",
        "๕ ม.ค. ๒๕๖๘", "5 ม.ค. พ.ศ. 2568"})
    void parsesEveryFormBackToTheCeDate(String text) {
        assertThat(BuddhistEra.parse(text)).isEqualTo(FIFTH_JAN_2025);
    }

    @Test
    void roundTripsEveryMonth() {
        for (int month = 1; month <= 12; month++) {
            LocalDate date = LocalDate.of(2024, month, 29);
            assertThat(BuddhistEra.parse(BuddhistEra.formatShort(date))).isEqualTo(date);
            assertThat(BuddhistEra.parse(BuddhistEra.formatLong(date))).isEqualTo(date);
            assertThat(BuddhistEra.parse(BuddhistEra.formatNumeric(date))).isEqualTo(date);
        }
    }

    @Test
    void rejectsCeYearsUnknownMonthsAndImpossibleDates() {
        assertThatThrownBy(() -> BuddhistEra.parse("05/01/2025")).hasMessageContaining("CE");
        assertThatThrownBy(() -> BuddhistEra.parse("5 Jan 2568")).hasMessageContaining("month");
        assertThatThrownBy(() -> BuddhistEra.parse("30 ก.พ. 2568")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BuddhistEra.parse("2568-01-05")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leapDayInABuddhistLeapYear() {
        // 2567 BE = 2024 CE, a leap year
        assertThat(BuddhistEra.parse("29 ก.พ. 2567")).isEqualTo(LocalDate.of(2024, 2, 29));
    }
}
