package org.tonkla.exchange.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tonkla.core.immunization.EpiSchedule;
import org.tonkla.core.thai.BuddhistEra;
import org.tonkla.core.thai.NationalId;
import org.tonkla.exchange.RejectReason;

/** The field checks of THAI-RULES §3–§5, each throwing a {@link RowFault} that names the reason. */
final class F43Checks {

    private static final Pattern DATE = Pattern.compile("(\\d{4})-?(\\d{2})-?(\\d{2})(?:[ T]?\\d{2}:?\\d{2}:?\\d{2})?");
    /** VACCINETYPE (THCC 198): the codes of the Thai EPI schedule and the others THAI-RULES §3 lists. */
    static final Set<String> VACCINE_CODES = vaccineCodes();

    private F43Checks() {}

    private static Set<String> vaccineCodes() {
        Set<String> codes = new HashSet<>(Set.of("010", "041", "042", "043", "091", "092", "093", "D21", "D22", "D23",
                "081", "082", "083", "084", "085", "401", "061", "073", "J11", "J12", "031", "032", "033", "034", "035",
                "R11", "R12", "R21", "R22", "R23", "051", "052", "053", "815", "310", "320"));
        EpiSchedule.thaiNational().doses().forEach(d -> codes.addAll(d.vaccineCodes()));
        return Set.copyOf(codes);
    }

    static String field(Map<String, Integer> at, String[] row, String name) {
        Integer i = at.get(name);
        return i == null ? "" : row[i].strip();
    }

    static String required(Map<String, Integer> at, String[] row, String name) {
        String v = field(at, row, name);
        if (v.isEmpty()) throw new RowFault(RejectReason.MISSING_FIELD, name);
        return v;
    }

    /** A valid 13-digit national ID. */
    static String nationalId(String value, String name) {
        if (!NationalId.isValid(value)) {
            throw new RowFault(RejectReason.INVALID_NATIONAL_ID, name + " "
                    + (value.length() == 13 && value.chars().allMatch(Character::isDigit) ? "check digit wrong" : "not 13 digits"));
        }
        return value;
    }

    /** A Christian-era date YYYYMMDD (or YYYY-MM-DD, with a time allowed) not after {@code today}. */
    static LocalDate date(String value, String name, LocalDate today) {
        var m = DATE.matcher(value);
        if (!m.matches()) throw new RowFault(RejectReason.INVALID_DATE, name + " " + value);
        int year = Integer.parseInt(m.group(1));
        if (year > today.getYear() && BuddhistEra.toCommonEraYear(year) <= today.getYear()
                && BuddhistEra.toCommonEraYear(year) >= 1900) {
            throw new RowFault(RejectReason.BUDDHIST_ERA_DATE, name + " " + value + " is a Buddhist-era year; the 43 files use Christian-era dates");
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new RowFault(RejectReason.INVALID_DATE, name + " " + value);
        }
        if (year < 1900) throw new RowFault(RejectReason.INVALID_DATE, name + " " + value);
        if (date.isAfter(today)) throw new RowFault(RejectReason.FUTURE_DATE, name + " " + value);
        return date;
    }

    /** A date of service: a valid date, not before birth and not in the future. */
    static LocalDate serviceDate(String value, LocalDate birth, LocalDate today) {
        LocalDate d = date(value, "DATE_SERV", today);
        if (d.isBefore(birth)) throw new RowFault(RejectReason.BEFORE_BIRTH, "DATE_SERV " + value + " is before BIRTH");
        return d;
    }

    static void code(String value, String name, Set<String> allowed, boolean optional) {
        if (optional && value.isEmpty()) return;
        if (!allowed.contains(value)) throw new RowFault(RejectReason.UNKNOWN_CODE, name + " " + value);
    }

    /** A decimal in [min, max]; a value {@code mmFactor} times too large is named as millimetres (or grams). */
    static Double measure(String value, String name, double min, double max, String tooLargeAs) {
        if (value.isEmpty()) return null;
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new RowFault(RejectReason.IMPLAUSIBLE_VALUE, name + " " + value + " is not a number");
        }
        // parseDouble accepts NaN and Infinity, which pass no range check and break the table's CHECK at COPY time.
        if (!Double.isFinite(v)) throw new RowFault(RejectReason.IMPLAUSIBLE_VALUE, name + " " + value + " is not a finite number");
        if (v > max && v / 10 <= max * 1.2 && "millimetres".equals(tooLargeAs)) {
            throw new RowFault(RejectReason.IMPLAUSIBLE_VALUE, name + " " + value + " looks like millimetres; expected centimetres");
        }
        if (v > max && v / 1000 <= max && "grams".equals(tooLargeAs)) {
            throw new RowFault(RejectReason.IMPLAUSIBLE_VALUE, name + " " + value + " looks like grams; expected kilograms");
        }
        if (v < min || v > max) throw new RowFault(RejectReason.IMPLAUSIBLE_VALUE, name + " " + value + " outside " + min + "–" + max);
        return v;
    }
}
