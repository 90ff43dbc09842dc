package org.tonkla.identity;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one scope check: "may this user act on org unit X?". Every module calls it before it reads
 * or writes anything that belongs to a unit; an unknown unit is treated like one out of scope.
 */
@Component
public class ScopeCheck {

    private final OrgUnitDirectory directory;
    private final ScopePolicy policy;

    ScopeCheck(OrgUnitDirectory directory, ScopePolicy policy) {
        this.directory = directory;
        this.policy = policy;
    }

    public boolean mayActOn(CurrentUser user, OrgUnit unit) {
        Optional<Placement> target = directory.placementOf(unit);
        if (target.isEmpty()) return false;
        Placement scopePlacement = directory.placementOf(user.scope().unit()).orElse(Placement.country());
        return policy.permits(user.role(), user.scope(), scopePlacement, target.get());
    }

    /**
     * Like {@link #mayActOn} but throws Spring Security's {@link AccessDeniedException}, which the
     * web layer turns into 403 (a problem+json body on the API, the Thai error page otherwise).
     */
    public void requireActOn(CurrentUser user, OrgUnit unit) {
        if (!mayActOn(user, unit)) {
            throw new AccessDeniedException("Outside the user's scope");
        }
    }
}
