package org.tonkla.platform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every bad field of one request, then throws them together as {@link InvalidInput}. The
 * shared limits live here once: text length, the earliest date Tonkla accepts, finite numbers.
 */
public final class Validation {

    /** No child in Tonkla was born, measured or vaccinated before this day (the platform serves children 0–6). */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1990, 1, 1);
    /** Longest free text accepted in a single-line field (names, lots, reasons). */
    public static final int MAX_TEXT = 200;
    /** Longest free text accepted in a note. */
    public static final int MAX_NOTE = 2000;

    private final List<InvalidInput.FieldError> errors = new ArrayList<>();

    /** Records {@code field} as bad unless {@code ok}. */
    public Validation check(boolean ok, String field, String expected) {
        if (!ok) add(field, expected);
        return this;
    }

    public Validation add(String field, String expected) {
        if (errors.stream().noneMatch(e -> e.field().equals(field))) {
            errors.add(new InvalidInput.FieldError(field, expected));
        }
        return this;
    }

    /**
     * Required text of 1..max characters (after trimming) with at least one letter or digit: zero-width or
     * combining marks, dots and spaces alone say nothing.
     */
    public Validation requiredText(String field, String value, int max) {
        return check(value != null && meaningful(value) && value.strip().length() <= max, field,
                "text of 1 to " + max + " characters with a letter or digit");
    }

    private static boolean meaningful(String value) {
        return value.codePoints().anyMatch(c -> Character.isLetterOrDigit(c)
                && Character.getType(c) != Character.NON_SPACING_MARK);
    }

    /** Optional text of at most max characters. */
    public Validation optionalText(String field, String value, int max) {
        return check(value == null || value.strip().length() <= max, field, "at most " + max + " characters");
    }

    /** A required date from {@code notBefore} (or 1990-01-01 when null) to {@code notAfter}. */
    public Validation date(String field, LocalDate value, LocalDate notBefore, LocalDate notAfter) {
        LocalDate from = notBefore == null || notBefore.isBefore(EARLIEST_DATE) ? EARLIEST_DATE : notBefore;
        if (value != null && looksBuddhistEra(value)) {
            // 2566-03-05: a Thai user (or a form filled from a Thai document) typed the B.E. year. Saying
            // only "must not be in the future" leaves them guessing.
            return add(field, "a Christian-era date (yyyy-mm-dd): the year " + value.getYear()
                    + " looks like a Buddhist-era (พ.ศ.) year; subtract 543, e.g. " + value.minusYears(543));
        }
        boolean ok = value != null && !value.isBefore(from) && (notAfter == null || !value.isAfter(notAfter));
        return check(ok, field, "a date (yyyy-mm-dd, CE) from " + from + (notAfter == null ? "" : " to " + notAfter));
    }

    /** A year past 2400 is no Christian-era year Tonkla will meet, but is this decade in the Buddhist era. */
    public static boolean looksBuddhistEra(LocalDate value) {
        return value.getYear() > 2400;
    }

    /** An optional finite number inside [min, max]; NaN and infinities are refused. */
    public Validation number(String field, Double value, double min, double max, String unit) {
        boolean ok = value == null || (Double.isFinite(value) && value >= min && value <= max);
        return check(ok, field, unit + ", from " + min + " to " + max);
    }

    /** A page size: 1..max. */
    public Validation limit(String field, int value, int max) {
        return check(value >= 1 && value <= max, field, "a whole number from 1 to " + max);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws {@link InvalidInput} with every field recorded, if any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) throw new InvalidInput(errors);
    }
}
