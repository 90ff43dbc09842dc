package org.tonkla.core.thai;

import java.util.Objects;

/**
 * How a child is officially identified: a 13-digit citizen ID, an MOE G-code, or neither (with
 * the reason recorded, e.g. "awaiting birth registration").
 *
 * <p>{@code toString()} of every variant is masked; use {@link #masked()} for display and the
 * variant's own accessor when the full value is lawfully needed.
 *
 * @see <a href="https://datacenter.loei1.go.th/qa/dmc-gcode">G-code for students without civil
 *     registration</a> (THAI-RULES §4)
 */
public sealed interface ChildIdentifier permits NationalId, GCode, ChildIdentifier.None {

    /** The identifier with all but its last four characters hidden; the reason for {@link None}. */
    String masked();

    /**
     * Reads a citizen ID or a G-code; dashes and spaces are ignored.
     *
     * @throws IllegalArgumentException if the text is neither a checksum-valid citizen ID nor a
     *     well-formed G-code; the message never repeats the input
     */
    static ChildIdentifier parse(String text) {
        Objects.requireNonNull(text, "text");
        String compact = NationalId.stripSeparators(text);
        if (!compact.isEmpty() && (compact.charAt(0) == 'G' || compact.charAt(0) == 'g')) {
            return GCode.parse(compact);
        }
        return NationalId.parse(compact);
    }

    /** A child with no official identifier yet; {@code reason} says why. */
    record None(String reason) implements ChildIdentifier {
        public None {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("Say why the child has no identifier");
            }
        }

        @Override
        public String masked() {
            return reason;
        }
    }
}
