package org.tonkla.core.standard;

import java.util.Objects;

/**
 * One item (ข้อ / ประเด็นพิจารณา) of an indicator, the unit that is rated 0–3.
 *
 * @param code e.g. {@code 1.1.1} or {@code 3.4.1}
 * @param ageGroup the age group of its indicator
 * @param text the item's Thai wording
 * @param kind rated by the assessor or derived from DSPM results
 * @param evidence how firmly the source backs the row
 * @param source where the wording was taken from
 */
public record CatalogueItem(String code, AgeGroup ageGroup, String text, ItemKind kind, Evidence evidence, String source) {

    public CatalogueItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(ageGroup, "ageGroup");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(evidence, "evidence");
        source = source == null ? "" : source;
    }

    /** The key ratings use: the code, plus a space and ก/ข for Standard 3 ({@code 3.4.1 ข}). */
    public String key() {
        return ageGroup == AgeGroup.ALL ? code : code + " " + ageGroup.suffix();
    }
}
