package org.tonkla.protection.internal;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tonkla.consent.DataCategory;
import org.tonkla.consent.Purpose;
import org.tonkla.identity.CurrentUser;
import org.tonkla.protection.Concern;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.ChildReachGrants;

/**
 * The protection workers of an open concern read the child for {@code protection} under the Child Protection Act
 * B.E. 2546 (no consent needed): identity, household and health notes, what the assessment of the child's safety
 * calls for; nothing of it for any other purpose. A closed concern stays the office's case file: its workers
 * still open it (status, history) and may reopen it; the subcommittee's reach ends with the concern.
 */
@Component
class ProtectionReach implements ChildReachGrants {

    private final ConcernRows rows;
    private final ProtectionWorkers workers;

    ProtectionReach(ConcernRows rows, ProtectionWorkers workers) {
        this.rows = rows;
        this.workers = workers;
    }

    @Override
    public Set<DataCategory> grantedTo(CurrentUser user, ChildId child, Purpose purpose) {
        if (purpose != Purpose.PROTECTION) return Set.of();
        boolean works = rows.ofChild(child.value()).stream()
                .anyMatch(c -> c.status() != Concern.Status.CLOSED ? workers.worksOn(user, c) : workers.atOffice(user, c));
        return works ? EnumSet.of(DataCategory.IDENTITY, DataCategory.HOUSEHOLD, DataCategory.HEALTH_NOTES) : Set.of();
    }
}
