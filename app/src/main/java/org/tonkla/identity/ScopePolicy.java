package org.tonkla.identity;

import java.util.Objects;
import java.util.Set;

/**
 * The rule behind "may this user act on org unit X?", as a pure function.
 *
 * <ul>
 *   <li>A guardian acts on no org unit: a family reaches its own child's record, never a unit's.
 *   <li>Everyone else acts on a unit when it lies inside their scope: the whole country; an area
 *       and everything in it (DOPA codes nest, so "inside" is a code prefix); or exactly their one
 *       service unit. A wider unit than the scope (the province of a district officer) is outside.
 *   <li>For the roles in {@code agencyBoundRoles}, a service unit must also be affiliated to the
 *       user's agency or to one below it (an MOI officer covers DLA centers; a DLA officer does not
 *       cover OBEC schools). Areas carry no affiliation and are not restricted by agency.
 * </ul>
 */
public record ScopePolicy(Set<Role> agencyBoundRoles) {

    public ScopePolicy {
        agencyBoundRoles = Set.copyOf(agencyBoundRoles);
    }

    /** Whether a user with this role and scope may act on the unit at {@code target}. */
    public boolean permits(Role role, Scope scope, Placement scopePlacement, Placement target) {
        Objects.requireNonNull(target, "target");
        if (role == Role.GUARDIAN) return false;
        if (!inside(scope, scopePlacement, target)) return false;
        if (agencyBoundRoles.contains(role) && target.serviceUnitId() != null && scope.agencyCode() != null) {
            return target.agencyLineage().contains(scope.agencyCode());
        }
        return true;
    }

    private static boolean inside(Scope scope, Placement scopePlacement, Placement target) {
        return switch (scope.unit()) {
            case OrgUnit.Country c -> true;
            case OrgUnit.Area area -> target.areaCode().startsWith(area.code());
            case OrgUnit.ServiceUnit unit -> unit.id().equals(target.serviceUnitId());
        };
    }
}
