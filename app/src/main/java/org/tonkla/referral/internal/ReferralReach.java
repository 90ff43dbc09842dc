package org.tonkla.referral.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.consent.DataCategory;
import org.tonkla.consent.Purpose;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.referral.NeedTypes;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.ChildReachGrants;

/**
 * Minimum necessary across agencies: a recorder of the unit that received an open referral of the child reads
 * it for {@code referral}, only the categories its need type names (a developmental referral: growth and DSPM),
 * even when the child is outside the unit's scope and no agreement covers it.
 */
@Component
class ReferralReach implements ChildReachGrants {

    private final JdbcClient jdbc;
    private final NeedTypes needTypes;

    ReferralReach(JdbcClient jdbc, NeedTypes needTypes) {
        this.jdbc = jdbc;
        this.needTypes = needTypes;
    }

    @Override
    public Set<DataCategory> grantedTo(CurrentUser user, ChildId child, Purpose purpose) {
        if (purpose != Purpose.REFERRAL || !user.role().recordsChildren()
                || !(user.scope().unit() instanceof OrgUnit.ServiceUnit unit)) {
            return Set.of();
        }
        List<String> needs = jdbc.sql("""
                SELECT DISTINCT need_type FROM referral
                 WHERE child_id = ? AND to_unit = ? AND status IN ('CREATED', 'RECEIVED', 'ACCEPTED', 'IN_SERVICE')""")
                .params(child.value(), unit.id()).query(String.class).list();
        var categories = EnumSet.noneOf(DataCategory.class);
        for (String need : needs) needTypes.type(need).ifPresent(t -> categories.addAll(t.categories()));
        return categories;
    }
}
