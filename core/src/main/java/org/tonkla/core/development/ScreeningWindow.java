package org.tonkla.core.development;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The days, both inclusive, on which a key-age screening counts for the HDC indicator.
 *
 * @param opens the day the child reaches the key age
 * @param closes the last day that counts
 * @see <a href="https://youthlink.gbdi.cloud/dataset/hdc_moph_mom_child_r_425ae5id2238b7879f442749bd1804032119e824">HDC:
 *     "turns 18 months on 1 Jul must be screened 1–30 Jul"</a> (THAI-RULES §2)
 */
public record ScreeningWindow(LocalDate opens, LocalDate closes) {

    public ScreeningWindow {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (closes.isBefore(opens)) throw new IllegalArgumentException("window closes before it opens");
    }

    /** Whether {@code day} is inside the window. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(opens) && !day.isAfter(closes);
    }
}
