package org.tonkla.registry.internal;

import org.tonkla.platform.InvalidInput;
import org.tonkla.core.thai.GCode;
import org.tonkla.core.thai.NationalId;
import org.tonkla.registry.Child;

/** Turns what was typed into exactly one identifier, validated by core's rules (THAI-RULES §4). */
public final class Identifiers {

    private Identifiers() {}

    public sealed interface Parsed permits National, GCodeNumber, None {
        Child.IdentifierType type();
    }

    /** A checksum-valid national ID; {@code toString} is masked by core's type. */
    public record National(NationalId id) implements Parsed {
        public String digits() {
            return id.digits();
        }

        public Child.IdentifierType type() {
            return Child.IdentifierType.NATIONAL_ID;
        }
    }

    public record GCodeNumber(GCode gCode) implements Parsed {
        public String code() {
            return gCode.value();
        }

        public Child.IdentifierType type() {
            return Child.IdentifierType.G_CODE;
        }
    }

    public record None(String reason) implements Parsed {
        public Child.IdentifierType type() {
            return Child.IdentifierType.NONE;
        }
    }

    /**
     * @throws InvalidInput named {@code nationalId}, {@code gCode} or {@code identifier} (none or more
     *     than one given)
     */
    public static Parsed parse(String nationalId, String gCode, String noIdReason) {
        int given = (blank(nationalId) ? 0 : 1) + (blank(gCode) ? 0 : 1) + (blank(noIdReason) ? 0 : 1);
        if (given != 1) throw new InvalidInput("identifier", "exactly one of nationalId, gCode or noIdentifierReason");
        if (!blank(nationalId)) {
            return new National(NationalId.tryParse(nationalId).orElseThrow(() -> new InvalidInput("nationalId",
                    "13 digits with a valid check digit (THAI-RULES §4)")));
        }
        if (!blank(gCode)) {
            return new GCodeNumber(GCode.tryParse(gCode).orElseThrow(() -> new InvalidInput("gCode",
                    "G followed by 12 digits")));
        }
        if (noIdReason.strip().length() > 200) throw new InvalidInput("noIdentifierReason", "at most 200 characters");
        return new None(noIdReason.strip());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
