package org.tonkla.core.standard;

import java.util.List;
import java.util.Objects;

/**
 * An indicator (ตัวบ่งชี้) of a standard, with its items.
 *
 * @param code e.g. {@code 1.1}, {@code 3.4}
 * @param ageGroup {@link AgeGroup#ALL} for Standards 1–2, ก or ข for Standard 3
 * @param title the Thai title
 * @param evidence how firmly the source backs the title
 * @param items its items; empty when the catalogue does not (yet) list them
 */
public record Indicator(String code, AgeGroup ageGroup, String title, Evidence evidence, List<CatalogueItem> items) {

    public Indicator {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(ageGroup, "ageGroup");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(evidence, "evidence");
        items = List.copyOf(items);
    }

    /** The code with the age-group letter, as the book writes it: {@code 1.1}, {@code 3.4 ข}. */
    public String key() {
        return ageGroup == AgeGroup.ALL ? code : code + " " + ageGroup.suffix();
    }
}
