package org.tonkla.consent;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user may see of one child for one purpose: the categories released, and for the others the
 * reason (the agreement or consent that is missing), in English for logs and API clients.
 */
public record Release(Set<DataCategory> permitted, String missing) {

    public Release {
        permitted = permitted.isEmpty() ? EnumSet.noneOf(DataCategory.class) : EnumSet.copyOf(permitted);
    }

    /** Everything: the user's own agency holds the child's data, or the user is the child's guardian. */
    public static Release all() {
        return new Release(EnumSet.allOf(DataCategory.class), null);
    }

    public boolean allows(DataCategory category) {
        return permitted.contains(category);
    }
}
