package org.tonkla.consent;

/** What part of a child's data a read touches; agreements between agencies are written per category. */
public enum DataCategory {
    IDENTITY, GROWTH, DEVELOPMENT, IMMUNIZATION, HEALTH_NOTES, HOUSEHOLD, PHOTOS, CENTER_ASSESSMENT;

    public String messageKey() {
        return "category." + name();
    }
}
