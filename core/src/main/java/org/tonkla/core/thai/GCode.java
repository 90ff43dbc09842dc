package org.tonkla.core.thai;

import java.util.Objects;
import java.util.Optional;

/**
 * The MOE G-code (รหัส G) issued to a pupil who has no civil-registration evidence: the letter
 * {@code G} and twelve digits, e.g. {@code G644200000001} = G, Buddhist year 64 (2564), province
 * 42, running number.
 *
 * <p>A G-code is not a citizen ID and carries no mod-11 check digit, so only its shape is
 * validated. Lower-case {@code g}, dashes and spaces are accepted on input and normalised.
 * {@link #toString()} is masked; {@link #value()} is the explicit full accessor.
 *
 * @param value {@code G} followed by twelve digits
 * @see <a href="https://datacenter.loei1.go.th/qa/dmc-gcode">loei1: G-code format</a>
 * @see <a href="https://www.khonkaen4.org/g-code/">khonkaen4: issued via gcode.moe.go.th</a>
 *     (THAI-RULES §4)
 */
public record GCode(String value) implements ChildIdentifier {

    public GCode {
        Objects.requireNonNull(value, "value");
        if (!value.matches("G[0-9]{12}")) {
            throw new IllegalArgumentException("A G-code is the letter G followed by 12 digits");
        }
    }

    /**
     * Reads a G-code, ignoring dashes, spaces and the case of the G.
     *
     * @throws IllegalArgumentException if it is not {@code G} + 12 digits
     */
    public static GCode parse(String text) {
        Objects.requireNonNull(text, "text");
        String compact = NationalId.stripSeparators(text);
        if (!compact.isEmpty() && compact.charAt(0) == 'g') compact = "G" + compact.substring(1);
        return new GCode(compact);
    }

    /** The G-code, or empty when {@code text} is null or not well formed. */
    public static Optional<GCode> tryParse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The Buddhist-era year of issue: 2500 + the two digits after G (G-codes began in BE 2561). */
    public int issuedBuddhistYear() {
        return 2500 + Integer.parseInt(value.substring(1, 3));
    }

    /** The two-digit DOPA province code of the issuing area. */
    public String provinceCode() {
        return value.substring(3, 5);
    }

    /** {@code G} and the last four digits: {@code Gxxxxxxxx0001}. */
    @Override
    public String masked() {
        return "Gxxxxxxxx" + value.substring(9);
    }

    /** Masked; never the full code. */
    @Override
    public String toString() {
        return "GCode[" + masked() + "]";
    }
}
