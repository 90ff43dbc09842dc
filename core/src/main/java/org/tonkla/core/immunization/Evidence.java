package org.tonkla.core.immunization;

/**
 * How firmly a row of reference data is backed by its cited source, as THAI-RULES labels facts.
 *
 * <p>Used by the EPI schedule file; see its PROVENANCE.md for what each row rests on.
 */
public enum Evidence {
    /** [V]: the cited source states it directly. */
    VERIFIED("V"),
    /** [P]: the source is secondary or only implies it. */
    PARTLY_VERIFIED("P"),
    /** [U]: no source found; an open question. */
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
        for (Evidence e : values()) if (e.label.equals(label)) return e;
        throw new IllegalArgumentException("expected V, P or U");
    }
}
