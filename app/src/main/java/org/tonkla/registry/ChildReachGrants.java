package org.tonkla.registry;

import java.util.Set;
import org.tonkla.consent.DataCategory;
import org.tonkla.consent.Purpose;
import org.tonkla.identity.CurrentUser;

/**
 * A reach beyond scope that another module grants for one purpose: the unit that received an open referral
 * reads the child for {@code REFERRAL}, only the categories the referral's need calls for. Implemented by the
 * modules that own such a relation (referral); the kernel asks them only after scope or agreements said no.
 */
public interface ChildReachGrants {

    /** The categories {@code user} may read of the child for {@code purpose} by this grant; empty for none. */
    Set<DataCategory> grantedTo(CurrentUser user, ChildId child, Purpose purpose);
}
