package org.tonkla.committee.internal;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.tonkla.consent.DataCategory;
import org.tonkla.consent.Purpose;
import org.tonkla.identity.CurrentUser;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.ChildReachGrants;

/**
 * A committee member of any agency may know whom a case on the committee's published agenda is about: the child's
 * identity (name, date of birth) for {@code protection}, nothing of the record. The committees act for the child
 * under the Child Protection Act B.E. 2546 (the subcommittee) and the PM Office regulation on district quality-of-life
 * development B.E. 2561 (พชอ.), not under the MOU's everyday-care agreements; so the grant is for that purpose only.
 */
@Component
class CommitteeReach implements ChildReachGrants {

    private final AgendaRows rows;

    CommitteeReach(AgendaRows rows) {
        this.rows = rows;
    }

    @Override
    public Set<DataCategory> grantedTo(CurrentUser user, ChildId child, Purpose purpose) {
        // Administrators and analysts read no child, whatever committee they sit on.
        if (purpose != Purpose.PROTECTION || !user.role().readsChildRecords()
                || user.role() == org.tonkla.identity.Role.GUARDIAN) {
            return Set.of();
        }
        return rows.onPublishedAgendaOf(user.id(), child.value()) ? Set.of(DataCategory.IDENTITY) : Set.of();
    }
}
