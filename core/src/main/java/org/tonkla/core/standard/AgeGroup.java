package org.tonkla.core.standard;

/**
 * Which children an indicator of Standard 3 is about; Standards 1 and 2 apply to every centre.
 *
 * @see <a href="https://www.nationthailand.com/news/30362143">Nation: "divided into two age groups"</a>;
 *     suffixes "3.4 ข" and "3.7 ข" in the ONEC book (THAI-RULES §1.2)
 */
public enum AgeGroup {
    /** Standards 1 and 2: the whole centre. */
    ALL(""),
    /** ก: birth to under 3 years. */
    UNDER_THREE("ก"),
    /** ข: 3 to 6 years (before Prathom 1). */
    THREE_TO_SIX("ข");

    private final String suffix;

    AgeGroup(String suffix) {
        this.suffix = suffix;
    }

    /** The Thai letter that follows the indicator code ({@code ก} or {@code ข}); empty for {@link #ALL}. */
    public String suffix() {
        return suffix;
    }

    /** The group written as {@code suffix}; blank means {@link #ALL}. */
    public static AgeGroup ofSuffix(String suffix) {
        String s = suffix == null ? "" : suffix.strip();
        for (AgeGroup g : values()) if (g.suffix.equals(s)) return g;
        throw new IllegalArgumentException("expected ก, ข or blank");
    }
}
