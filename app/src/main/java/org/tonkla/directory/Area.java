package org.tonkla.directory;

/** An administrative area; {@code parentCode} is {@code null} for provinces. */
public record Area(String code, String nameTh, String nameEn, AreaLevel level, String parentCode) {

    /** The name in the given language, falling back to Thai. */
    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : nameTh;
    }
}
