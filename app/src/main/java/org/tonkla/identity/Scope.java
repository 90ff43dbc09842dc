package org.tonkla.identity;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a user works on: an agency (may be {@code null} for platform administrators and guardians)
 * and an org unit.
 */
public record Scope(String agencyCode, OrgUnit unit) implements Serializable {

    public Scope {
        Objects.requireNonNull(unit, "unit");
    }

    public ScopeLevel level() {
        return switch (unit) {
            case OrgUnit.Country c -> ScopeLevel.COUNTRY;
            case OrgUnit.Area a -> a.level();
            case OrgUnit.ServiceUnit s -> ScopeLevel.SERVICE_UNIT;
        };
    }
}
