package org.tonkla.assessment;

import org.tonkla.core.standard.DspmOutcomeBands;
import org.tonkla.core.standard.ItemLevel;

/**
 * What Tonkla computed from a center's own records for one item, shown beside the center's rating.
 * Only the DSPM share has a level (the standard's <75 / 75–79 / 80–84 / ≥85 % bands); the ratio and
 * the coverage are facts for the reviewer.
 *
 * @param kind which computation
 * @param a DSPM: age-appropriate children; ratio: children under 3; growth: children measured
 * @param b DSPM: children screened; ratio: caregivers for under-3s; growth: children enrolled
 * @param c ratio: children 3–6; otherwise 0
 * @param d ratio: caregivers for 3–6; otherwise 0
 */
public record ComputedItem(Kind kind, int a, int b, int c, int d) {

    public enum Kind {
        /** Share of children developing age-appropriately by DSPM (Standard-3 outcome items). */
        DSPM,
        /** Caregiver-to-child ratio per age group (item 1.2.4). */
        RATIO,
        /** Growth-monitoring coverage (item 1.4.1). */
        GROWTH
    }

    /** The level this computation scores, for {@link Kind#DSPM} with at least one child screened. */
    public ItemLevel level() {
        return kind == Kind.DSPM ? DspmOutcomeBands.levelFor(a, b).orElse(null) : null;
    }

    /** Whole percent of {@code a} out of {@code b}, rounded down (the bands never round up); -1 if {@code b} is 0. */
    public int percent() {
        return b == 0 ? -1 : (int) (100L * a / b);
    }

    /** Children per caregiver, one decimal, for a ratio's group ก ({@code underThree}) or ข. */
    public String childrenPerCaregiver(boolean underThree) {
        int children = underThree ? a : c;
        int caregivers = underThree ? b : d;
        if (caregivers == 0) return children == 0 ? "–" : "∞";
        return String.format(java.util.Locale.ROOT, "%.1f", (double) children / caregivers);
    }

    /**
     * Whether group ก ({@code underThree}) or ข has more children per caregiver than {@code max};
     * {@code false} when no maximum is configured.
     */
    public boolean exceeds(boolean underThree, Integer max) {
        if (kind != Kind.RATIO || max == null) return false;
        int children = underThree ? a : c;
        int caregivers = underThree ? b : d;
        return children > 0 && (long) children > (long) max * caregivers;
    }

    /** The compact form stored with a submission, e.g. {@code DSPM:41:50:0:0}. */
    public String encode() {
        return kind + ":" + a + ":" + b + ":" + c + ":" + d;
    }

    /** Reads {@link #encode()}; {@code null} for {@code null}. */
    public static ComputedItem decode(String text) {
        if (text == null || text.isBlank()) return null;
        String[] p = text.split(":");
        return new ComputedItem(Kind.valueOf(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                Integer.parseInt(p[3]), Integer.parseInt(p[4]));
    }
}
