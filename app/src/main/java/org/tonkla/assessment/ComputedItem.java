package org.tonkla.assessment;

import org.tonkla.core.standard.DspmOutcomeBands;
import org.tonkla.core.standard.ItemLevel;

/**
 * What Tonkla computed from a center's own records for one item, shown beside the center's rating.
 * DSPM shares have a level (the standard's <75 / 75–79 / 80–84 / ≥85 % bands); the healthy-growth
 * share has one only when bands are configured; the ratio and the coverage are facts for the reviewer.
 *
 * @param kind which computation
 * @param a DSPM: age-appropriate children; ratio: children under 3; growth: children measured;
 *     healthy growth: children สูงดีสมส่วน
 * @param b DSPM: children screened; ratio: caregivers for under-3s; growth: children enrolled;
 *     healthy growth: children measured
 * @param c ratio: children 3–6; DSPM domain: the domain's code digit (0 GM … 4 PS); otherwise 0
 * @param d ratio: caregivers for 3–6; otherwise 0
 * @param level the level the figure scores, or {@code null}
 * @param inferred whether the item's mapping to this figure is inferred [I] (core's {@code ItemFigures})
 * @param counts whether {@link #level} replaces the center's rating (else it is advice beside it)
 */
public record ComputedItem(Kind kind, int a, int b, int c, int d, ItemLevel level, boolean inferred, boolean counts) {

    public enum Kind {
        /** Share of children developing age-appropriately by DSPM, all five domains. */
        DSPM,
        /** Share of children age-appropriate in one DSPM domain ({@code c}: the domain digit). */
        DSPM_DOMAIN,
        /** Share of measured children who are สูงดีสมส่วน (items 3.1.1 ก/ข). */
        HEALTHY_GROWTH,
        /** Caregiver-to-child ratio per age group (item 1.2.4). */
        RATIO,
        /** Growth-monitoring coverage (item 1.4.1). */
        GROWTH
    }

    /** A fact with no level (ratio, coverage). */
    static ComputedItem fact(Kind kind, int a, int b, int c, int d) {
        return new ComputedItem(kind, a, b, c, d, null, false, false);
    }

    /** The DSPM domain code ({@code GM} …) of a {@link Kind#DSPM_DOMAIN} figure; empty otherwise. */
    public String domain() {
        return kind == Kind.DSPM_DOMAIN ? org.tonkla.core.development.DspmDomain.ofCodeDigit(c).name() : "";
    }

    /** Whether the level replaces the center's rating. */
    public boolean replacesRating() {
        return counts && level != null;
    }

    /** Whole percent of {@code a} out of {@code b}, rounded down (the bands never round up); -1 if {@code b} is 0. */
    public int percent() {
        return b == 0 ? -1 : (int) (100L * a / b);
    }

    /**
     * Children per caregiver, one decimal, for a ratio's group ก ({@code underThree}) or ข; null when there are
     * children but no caregiver on record (the page says so in words, not "∞": issue 10 §7).
     */
    public String childrenPerCaregiver(boolean underThree) {
        int children = underThree ? a : c;
        int caregivers = underThree ? b : d;
        if (caregivers == 0) return children == 0 ? "–" : null;
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

    /** The compact form stored with a submission, e.g. {@code DSPM:41:50:0:0:1:I:-}. */
    public String encode() {
        return kind + ":" + a + ":" + b + ":" + c + ":" + d + ":" + (level == null ? "-" : level.score()) + ":"
                + (inferred ? "I" : "V") + ":" + (counts ? "C" : "-");
    }

    /**
     * Reads {@link #encode()}; {@code null} for {@code null}. The five-part form stored before levels
     * were kept ({@code DSPM:41:50:0:0}) reads as it was scored then: DSPM by the bands, counting.
     */
    public static ComputedItem decode(String text) {
        if (text == null || text.isBlank()) return null;
        String[] p = text.split(":");
        Kind kind = Kind.valueOf(p[0]);
        int a = Integer.parseInt(p[1]);
        int b = Integer.parseInt(p[2]);
        int c = Integer.parseInt(p[3]);
        int d = Integer.parseInt(p[4]);
        if (p.length < 8) {
            ItemLevel level = kind == Kind.DSPM ? DspmOutcomeBands.levelFor(a, b).orElse(null) : null;
            return new ComputedItem(kind, a, b, c, d, level, true, kind == Kind.DSPM);
        }
        ItemLevel level = p[5].equals("-") ? null : ItemLevel.ofScore(Integer.parseInt(p[5]));
        return new ComputedItem(kind, a, b, c, d, level, p[6].equals("I"), p[7].equals("C"));
    }
}
