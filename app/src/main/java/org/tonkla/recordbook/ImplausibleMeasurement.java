package org.tonkla.recordbook;

import java.util.List;

/** The values give z-scores outside the WHO plausible ranges; ask the user to check and confirm. */
public class ImplausibleMeasurement extends RuntimeException {

    private final List<String> flags;

    public ImplausibleMeasurement(List<String> flags) {
        super("Implausible: " + flags);
        this.flags = List.copyOf(flags);
    }

    /** Indicator codes whose z-score is flagged, e.g. {@code wfa}. */
    public List<String> flags() {
        return flags;
    }
}
