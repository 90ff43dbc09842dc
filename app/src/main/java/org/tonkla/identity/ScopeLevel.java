package org.tonkla.identity;

/** How wide a user's scope is, from the whole country down to one service unit. */
public enum ScopeLevel {
    COUNTRY, PROVINCE, DISTRICT, SUBDISTRICT, SERVICE_UNIT;

    public String messageKey() {
        return "scope." + name();
    }
}
