package org.tonkla.core.thai;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Buddhist-era (พ.ศ.) years and Thai date text. Tonkla stores dates in CE and shows them in BE.
 *
 * <p>The one display format, chosen to match the app's pages ({@code d MMM uuuu} in the Thai
 * locale) and Thai official documents:
 * <ul>
 *   <li>short: {@code 5 ม.ค. 2568} (day without leading zero, abbreviated month, BE year);
 *   <li>long: {@code 5 มกราคม 2568} (full month name);
 *   <li>numeric: {@code 05/01/2568} (dd/MM/BE-yyyy, as on Thai paper forms).
 * </ul>
 * Month names are held here rather than taken from the JDK locale data so that output does not
 * change with the JDK's locale provider.
 *
 * <p>BE = CE + 543 for every date (proleptic). Before BE 2484 (1941) the Thai year began on
 * 1 April, so historic Jan–Mar dates would differ by one year; children's dates never reach back
 * that far, and PyThaiNLP's {@code thai_strftime} refuses those years for the same reason.
 *
 * @see <a href="https://github.com/PyThaiNLP/pythainlp">PyThaiNLP util/strftime.py</a> (THAI-RULES §8.5)
 */
public final class BuddhistEra {

    /** Years between the eras: BE = CE + 543. */
    public static final int OFFSET = 543;

    /** Full Thai month names, January first. */
    public static final List<String> MONTHS = List.of(
            "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
            "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม");

    /** Abbreviated Thai month names, January first. */
    public static final List<String> MONTHS_SHORT = List.of(
            "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
            "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.");

    // Parsed BE years below this are almost surely CE typed by mistake (2400 BE = 1857 CE).
    private static final int LOWEST_PLAUSIBLE_BE_YEAR = 2400;

    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern WORDS = Pattern.compile("(\\d{1,2})\\s+(\\S+?)\\s+(?:พ\\.ศ\\.\\s*)?(\\d{4})");

    private BuddhistEra() {}

    /** The BE year of a CE year. */
    public static int toBuddhistYear(int ceYear) {
        return ceYear + OFFSET;
    }

    /** The CE year of a BE year. */
    public static int toCommonEraYear(int beYear) {
        return beYear - OFFSET;
    }

    /** {@code 5 ม.ค. 2568}. */
    public static String formatShort(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return date.getDayOfMonth() + " " + MONTHS_SHORT.get(date.getMonthValue() - 1) + " "
                + toBuddhistYear(date.getYear());
    }

    /** {@code 5 มกราคม 2568}. */
    public static String formatLong(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return date.getDayOfMonth() + " " + MONTHS.get(date.getMonthValue() - 1) + " "
                + toBuddhistYear(date.getYear());
    }

    /** {@code 05/01/2568}. */
    public static String formatNumeric(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return String.format("%02d/%02d/%04d", date.getDayOfMonth(), date.getMonthValue(),
                toBuddhistYear(date.getYear()));
    }

    /**
     * Reads a Thai BE date in any of the three display forms back to a (CE) date.
     *
     * <p>Accepts {@code 5 ม.ค. 2568}, {@code 5 มกราคม 2568}, {@code 5 ม.ค. พ.ศ. 2568},
     * {@code 05/01/2568} and {@code 5/1/2568}; Thai digits and extra spaces are tolerated; the
     * abbreviated month may omit its final dot.
     *
     * @throws IllegalArgumentException if the text is in none of these forms, names no Thai month,
     *     is not a real date, or has a year below BE 2400 (a CE year typed by mistake)
     */
    public static LocalDate parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = toAsciiDigits(text).strip().replaceAll("\\s+", " ");
        int day;
        int month;
        int beYear;
        Matcher numeric = NUMERIC.matcher(t);
        Matcher words = WORDS.matcher(t);
        if (numeric.matches()) {
            day = Integer.parseInt(numeric.group(1));
            month = Integer.parseInt(numeric.group(2));
            beYear = Integer.parseInt(numeric.group(3));
        } else if (words.matches()) {
            day = Integer.parseInt(words.group(1));
            month = monthOf(words.group(2));
            beYear = Integer.parseInt(words.group(3));
        } else {
            throw new IllegalArgumentException(
                    "Expected a Thai date like '5 ม.ค. 2568', '5 มกราคม 2568' or '05/01/2568', got '" + text + "'");
        }
        if (beYear < LOWEST_PLAUSIBLE_BE_YEAR) {
            throw new IllegalArgumentException(
                    "Year " + beYear + " looks like a CE year; Thai dates use the Buddhist era (e.g. 2568)");
        }
        try {
            return LocalDate.of(toCommonEraYear(beYear), month, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Not a real date: '" + text + "'", e);
        }
    }

    private static int monthOf(String name) {
        int full = MONTHS.indexOf(name);
        if (full >= 0) return full + 1;
        String withDot = name.endsWith(".") ? name : name + ".";
        int abbreviated = MONTHS_SHORT.indexOf(withDot);
        if (abbreviated >= 0) return abbreviated + 1;
        throw new IllegalArgumentException("Not a Thai month name: '" + name + "'");
    }

    private static String toAsciiDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= '๐' && c <= '๙' ? (char) ('0' + (c - '๐')) : c);
        }
        return out.toString();
    }
}
