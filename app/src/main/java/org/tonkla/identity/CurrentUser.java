package org.tonkla.identity;

import java.io.Serializable;
import java.util.UUID;

/**
 * The signed-in user as every module sees it. Carries no password and no personal identifier.
 *
 * @param language {@code th} or {@code en}, the user's remembered page language
 */
public record CurrentUser(UUID id, String username, String displayName, Role role, Scope scope, String language)
        implements Serializable {

    public boolean is(Role other) {
        return role == other;
    }
}
