package org.tonkla.directory;

/**
 * A ministry, department or other organization; {@code mouParty} marks the ten signatories of the
 * national ECD information system MOU.
 */
public record Agency(String code, String parentCode, String kind, String nameTh, String nameEn, boolean mouParty) {

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameTh;
    }
}
