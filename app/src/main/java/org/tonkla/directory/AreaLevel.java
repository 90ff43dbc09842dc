package org.tonkla.directory;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The three levels of DOPA administrative areas; Bangkok's districts are khet, its subdistricts khwaeng. */
public enum AreaLevel {
    PROVINCE(2), DISTRICT(4), SUBDISTRICT(6);

    private final int codeLength;

    AreaLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }

    /** Lower-case name as the API uses it: {@code province}, {@code district}, {@code subdistrict}. */
    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code province|district|subdistrict} in any case; empty for anything else. */
    public static java.util.Optional<AreaLevel> parse(String text) {
        for (AreaLevel l : values()) {
            if (l.name().equalsIgnoreCase(text)) return java.util.Optional.of(l);
        }
        return java.util.Optional.empty();
    }
}
