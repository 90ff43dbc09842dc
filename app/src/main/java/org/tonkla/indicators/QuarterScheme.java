package org.tonkla.indicators;

import java.time.LocalDate;

/**
 * How quarters are numbered and which year they belong to (definitions.yml {@code quarters.scheme}). Both schemes cut
 * the year at 1 January, 1 April, 1 July and 1 October, so a quarter is the same span under either; only its name
 * differs: Oct–Dec 2025 is "ไตรมาส 1/2569" of the fiscal year (1 Oct – 30 Sep, named by the B.E. year it ends in;
 * THAI-RULES §8.5, the span is [U]) and "ไตรมาส 4/2568" of the calendar year.
 */
public enum QuarterScheme {
    FISCAL, CALENDAR;

    /** The first day of the quarter {@code day} falls in. */
    public static LocalDate startOf(LocalDate day) {
        return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    /** The quarter's number, 1 to 4, in its year. */
    public int number(LocalDate start) {
        int calendar = (start.getMonthValue() - 1) / 3 + 1;
        return this == CALENDAR ? calendar : calendar % 4 + 1;
    }

    /** The Buddhist-era year the quarter belongs to. */
    public int yearBe(LocalDate start) {
        int ce = this == FISCAL && start.getMonthValue() >= 10 ? start.getYear() + 1 : start.getYear();
        return ce + 543;
    }

    static QuarterScheme of(String value) {
        return switch (value) {
            case "fiscal" -> FISCAL;
            case "calendar" -> CALENDAR;
            default -> throw new IllegalStateException("quarters.scheme is fiscal or calendar, not " + value);
        };
    }
}
