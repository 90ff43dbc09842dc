package org.tonkla.identity.internal;

import java.util.UUID;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;
import org.tonkla.identity.ScopeLevel;

/** A stored user account. {@code toString} leaves out the password hash. */
public record UserAccount(UUID id, String username, String passwordHash, String displayName, Role role,
        String agencyCode, Scope scope, String language, boolean enabled) {

    public CurrentUser toCurrentUser() {
        return new CurrentUser(id, username, displayName, role, scope, language);
    }

    ScopeLevel scopeLevel() {
        return scope.level();
    }

    String scopeArea() {
        return scope.unit() instanceof OrgUnit.Area a ? a.code() : null;
    }

    UUID scopeUnitId() {
        return scope.unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
    }

    @Override
    public String toString() {
        return "UserAccount[" + username + ", " + role + ", " + scope + "]";
    }
}
