package org.tonkla.core.standard;

/**
 * How firmly a catalogue row is backed by its cited source, as THAI-RULES labels facts.
 */
public enum Evidence {
    /** [V]: the cited source states it directly. */
    VERIFIED("V"),
    /** [P]: the source is secondary, truncated, or only implies it. */
    PARTLY_VERIFIED("P"),
    /** [U]: no source found. */
    UNVERIFIED("U");

    private final String label;

    Evidence(String label) {
        this.label = label;
    }

    /** {@code V}, {@code P} or {@code U}. */
    public String label() {
        return label;
    }

    /** The evidence for a label; {@code IllegalArgumentException} for anything but V, P, U. */
    public static Evidence ofLabel(String label) {
        for (Evidence e : values()) if (e.label.equals(label == null ? null : label.strip())) return e;
        throw new IllegalArgumentException("expected V, P or U");
    }
}
