package org.tonkla.recordbook;

import java.util.List;
import org.tonkla.platform.InvalidInput;

/**
 * The values give z-scores outside the WHO plausible ranges: 422 until the user checks and confirms
 * them ({@code confirmImplausible}). Each flagged indicator is named as a field.
 */
public class ImplausibleMeasurement extends InvalidInput {

    private final List<String> flags;

    public ImplausibleMeasurement(List<String> flags) {
        super(flags.stream().map(f -> new FieldError(f, "a z-score inside the WHO plausible range")).toList());
        this.flags = List.copyOf(flags);
        with("flags", this.flags);
    }

    /** Indicator codes whose z-score is flagged, e.g. {@code wfa}. */
    public List<String> flags() {
        return flags;
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String getMessage() {
        return "The values are outside the WHO plausible range; measure again, or send confirmImplausible=true if they are right";
    }
}
