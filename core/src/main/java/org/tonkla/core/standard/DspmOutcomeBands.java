package org.tonkla.core.standard;

import java.util.Optional;

/**
 * The level of a Standard-3 child-outcome item from the share of the centre's children who
 * develop age-appropriately per DSPM: below 75 % → 0, 75–79 % → 1, 80–84 % → 2, 85 % or more → 3.
 *
 * <p>The bands are read as thresholds on the exact share, never rounded up: 79.9 % is level 1,
 * 80 % is level 2. Counts are compared in integers, so no floating-point edge can move a child
 * across a band.
 *
 * @see <a href="https://anyflip.com/ebmni/sbbl/basic/201-250">ONEC book, item 3.4.1 ข</a> (THAI-RULES §1.5)
 */
public final class DspmOutcomeBands {

    /** Lowest percentage for level 1, ผ่านเกณฑ์ขั้นต้น. */
    public static final int BASIC_FROM = 75;
    /** Lowest percentage for level 2, ดี. */
    public static final int GOOD_FROM = 80;
    /** Lowest percentage for level 3, ดีมาก. */
    public static final int VERY_GOOD_FROM = 85;

    private DspmOutcomeBands() {}

    /**
     * The level when {@code ageAppropriate} of {@code screened} children develop age-appropriately.
     *
     * @return empty when no child was screened (the share is undefined)
     * @throws IllegalArgumentException if a count is negative or {@code ageAppropriate > screened}
     */
    public static Optional<ItemLevel> levelFor(int ageAppropriate, int screened) {
        if (ageAppropriate < 0 || screened < 0) throw new IllegalArgumentException("counts must not be negative");
        if (ageAppropriate > screened) throw new IllegalArgumentException("more age-appropriate children than screened");
        if (screened == 0) return Optional.empty();
        long share = 100L * ageAppropriate;
        if (share >= (long) VERY_GOOD_FROM * screened) return Optional.of(ItemLevel.VERY_GOOD);
        if (share >= (long) GOOD_FROM * screened) return Optional.of(ItemLevel.GOOD);
        if (share >= (long) BASIC_FROM * screened) return Optional.of(ItemLevel.BASIC);
        return Optional.of(ItemLevel.NEEDS_IMPROVEMENT);
    }

    /**
     * The level for a percentage already computed elsewhere (0–100).
     *
     * @throws IllegalArgumentException if {@code percent} is not in 0–100 or is NaN
     */
    public static ItemLevel levelForPercent(double percent) {
        if (!(percent >= 0 && percent <= 100)) throw new IllegalArgumentException("percent must be 0–100");
        if (percent >= VERY_GOOD_FROM) return ItemLevel.VERY_GOOD;
        if (percent >= GOOD_FROM) return ItemLevel.GOOD;
        if (percent >= BASIC_FROM) return ItemLevel.BASIC;
        return ItemLevel.NEEDS_IMPROVEMENT;
    }
}
