package org.tonkla.core.thai;

import java.util.Objects;
import java.util.Optional;

/**
 * A Thai 13-digit citizen ID (เลขประจำตัวประชาชน), checksum-valid.
 *
 * <p>Layout {@code P-RRRR-GGGGG-SS-C}: person type, registration office (province, district),
 * group, sequence, check digit. The check digit is {@code (11 − Σ dᵢ·(14 − i) mod 11) mod 10}
 * over the first twelve digits (weights 13 … 2). Dashes and spaces are ignored on input.
 *
 * <p>{@link #toString()} shows only the last four digits; {@link #digits()} is the explicit way
 * to get the whole number (for storage as a keyed hash, for the 43-file CID column).
 *
 * @param digits the thirteen digits, no separators
 * @see <a href="https://www.boonmee.net/wp2/index.php/2010/07/">layout and first digit</a>
 * @see <a href="https://github.com/jukbot/thai-citizen-id-validator">checksum (lib/validator.js)</a>
 *     (THAI-RULES §4)
 */
public record NationalId(String digits) implements ChildIdentifier {

    public NationalId {
        Objects.requireNonNull(digits, "digits");
        if (!digits.matches("[0-9]{13}")) {
            throw new IllegalArgumentException(
                    "A citizen ID has 13 digits; got " + digits.length() + " characters");
        }
        if (checkDigit(digits.substring(0, 12)) != digits.charAt(12) - '0') {
            throw new IllegalArgumentException("The citizen ID's check digit (13th) does not match");
        }
    }

    /**
     * Reads an ID written with or without dashes and spaces, e.g. {@code 1-1017-00203-45-0}.
     *
     * @throws IllegalArgumentException if it is not 13 digits or the check digit is wrong; the
     *     message never repeats the input
     */
    public static NationalId parse(String text) {
        Objects.requireNonNull(text, "text");
        return new NationalId(stripSeparators(text));
    }

    /** The ID, or empty when {@code text} is null, malformed or fails the checksum. */
    public static Optional<NationalId> tryParse(String text) {
        if (text == null) return Optional.empty();
        String compact = stripSeparators(text);
        if (!compact.matches("[0-9]{13}") || checkDigit(compact.substring(0, 12)) != compact.charAt(12) - '0') {
            return Optional.empty();
        }
        return Optional.of(new NationalId(compact));
    }

    /** Whether {@code text} is a checksum-valid citizen ID (separators allowed). */
    public static boolean isValid(String text) {
        return tryParse(text).isPresent();
    }

    /**
     * The check digit for the first twelve digits.
     *
     * @throws IllegalArgumentException unless {@code first12} is exactly twelve ASCII digits
     */
    public static int checkDigit(String first12) {
        if (first12 == null || !first12.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("Need exactly 12 digits to compute a check digit");
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (first12.charAt(i) - '0') * (13 - i);
        }
        return (11 - sum % 11) % 10;
    }

    /** What the first digit says about how the person was registered. */
    public PersonType personType() {
        return PersonType.ofDigit(digits.charAt(0) - '0');
    }

    /** Digits 2–3: the province of the registration office (a DOPA province code). */
    public String registrationProvinceCode() {
        return digits.substring(1, 3);
    }

    /**
     * Whether this is a facility-made placeholder: HDC quality queries exclude CIDs that begin
     * with {@code '0' + HOSPCODE}.
     *
     * <p>Source: HDC QOF SQL {@code LEFT(CID,6)<>CONCAT('0',HOSPCODE)}, THAI-RULES §4 "Pseudo-IDs in HDC".
     */
    public boolean isPlaceholderOf(String hospcode) {
        return hospcode != null && !hospcode.isBlank() && digits.startsWith("0" + hospcode.strip());
    }

    /** The full number grouped as {@code 1-1017-00203-45-0}, for people allowed to see it. */
    public String formatted() {
        return digits.charAt(0) + "-" + digits.substring(1, 5) + "-" + digits.substring(5, 10) + "-"
                + digits.substring(10, 12) + "-" + digits.charAt(12);
    }

    /** The grouped number with all but the last four digits as {@code x}: {@code x-xxxx-xxxx3-45-0}. */
    @Override
    public String masked() {
        return "x-xxxx-xxxx" + digits.charAt(9) + "-" + digits.substring(10, 12) + "-" + digits.charAt(12);
    }

    /** Masked; never the full number. */
    @Override
    public String toString() {
        return "NationalId[" + masked() + "]";
    }

    static String stripSeparators(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-' || Character.isWhitespace(c) || Character.isSpaceChar(c)) continue;
            // Thai digits ๐–๙ appear in hand-typed documents; they mean the same number.
            if (c >= '๐' && c <= '๙') c = (char) ('0' + (c - '๐'));
            out.append(c);
        }
        return out.toString();
    }
}
