package org.tonkla.protection;

/** The result of a protection screening; HIGH opens a protection concern. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH;

    public String messageKey() {
        return "protection.level." + name();
    }
}
