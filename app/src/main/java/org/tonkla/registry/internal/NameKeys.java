package org.tonkla.registry.internal;

import org.tonkla.core.thai.ThaiNameKeys;

/**
 * The three Thai sound keys of a full name (THAI-RULES §8: LK82, Udom83, MetaSound), from core.
 * Two spellings of one name, e.g. a tone mark or a final consonant heard differently, share a key.
 * Keys are taken over given and family name together, so a child matches on both.
 */
public record NameKeys(String lk82, String udom83, String metaSound) {

    public static NameKeys of(String given, String family) {
        String g = given == null ? "" : given.trim();
        String f = family == null ? "" : family.trim();
        return new NameKeys(key(ThaiNameKeys.lk82(g), ThaiNameKeys.lk82(f)),
                key(ThaiNameKeys.udom83(g), ThaiNameKeys.udom83(f)),
                key(ThaiNameKeys.metaSound(g), ThaiNameKeys.metaSound(f)));
    }

    private static String key(String given, String family) {
        return given + " " + family;
    }
}
