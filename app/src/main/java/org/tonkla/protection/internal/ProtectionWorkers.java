package org.tonkla.protection.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tonkla.committee.Committee;
import org.tonkla.committee.Committees;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.protection.Concern;

/**
 * Who works on a protection concern: the users of the social development office it was routed to, and the members
 * of the district's child-protection subcommittee. Nobody else, whatever their scope: an officer of the province or
 * a teacher of the child's center learns nothing of it (the reporter sees its status only).
 */
@Component
public class ProtectionWorkers {

    private final Committees committees;

    ProtectionWorkers(Committees committees) {
        this.committees = committees;
    }

    public boolean worksOn(CurrentUser user, Concern c) {
        if (!mayWork(user)) return false;
        if (c.officeUnitId() != null && user.scope().unit() instanceof OrgUnit.ServiceUnit s
                && s.id().equals(c.officeUnitId())) {
            return true;
        }
        return c.districtCode() != null && districts(user).contains(c.districtCode());
    }

    /** Whether the user is one of the office's own (the protection worker who decides what the family sees). */
    public boolean atOffice(CurrentUser user, Concern c) {
        return mayWork(user) && c.officeUnitId() != null && user.scope().unit() instanceof OrgUnit.ServiceUnit s
                && s.id().equals(c.officeUnitId());
    }

    /** The districts whose child-protection subcommittee the user sits on. */
    public List<String> districts(CurrentUser user) {
        if (!mayWork(user)) return List.of();
        return committees.mine(user).stream().filter(k -> k.kind() == Committee.Kind.CHILD_PROTECTION)
                .map(Committee::districtCode).toList();
    }

    /** Administrators and analysts read no child; families are never protection workers. */
    private static boolean mayWork(CurrentUser user) {
        return user.role().readsChildRecords() && user.role() != Role.GUARDIAN;
    }
}
