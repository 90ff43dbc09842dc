package org.tonkla.consent;

import java.util.Locale;

/**
 * Why a user reads a child's data, as the MOU names it. Screens and API clients declare finer purposes
 * ({@code roster}, {@code screening}, {@code transfer} …, shown to the family as they are); each belongs
 * to one of these for agreements and consent.
 */
public enum Purpose {
    CARE, REFERRAL, MONITORING, PLANNING, RESEARCH, PROTECTION;

    /** The MOU purpose of a declared purpose code; everyday work with the child (anything else) is {@code CARE}. */
    public static Purpose of(String declared) {
        if (declared == null) return CARE;
        return switch (declared.toLowerCase(Locale.ROOT)) {
            case "referral" -> REFERRAL;
            case "monitoring" -> MONITORING;
            case "planning" -> PLANNING;
            case "research" -> RESEARCH;
            case "protection" -> PROTECTION;
            default -> CARE;
        };
    }

    public String messageKey() {
        return "purpose." + name();
    }
}
