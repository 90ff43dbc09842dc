package org.tonkla.referral;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tonkla.consent.AccessLog;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.ScopeCheck;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Refused;
import org.tonkla.referral.internal.ReferralRows;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.ChildId;

/**
 * Who may see and act on a referral. Staff of a service unit see the referrals their unit sent or received;
 * supervisors of an area (officers, district supervisors) see a referral of their agency once it is escalated;
 * a guardian sees their own child's. Anyone else is told there is no such referral (404), so a unit not party
 * to it learns nothing of it. Each step is written to the family's access log through the registry's kernel.
 */
@Component
public class ReferralAccess {

    /** Which side of a referral a user acts for. */
    public enum Side { SENDER, RECEIVER, SUPERVISOR, FAMILY }

    private final ReferralRows rows;
    private final ScopeCheck scopes;
    private final ChildAccess access;
    private final AccessLog log;

    ReferralAccess(ReferralRows rows, ScopeCheck scopes, ChildAccess access, AccessLog log) {
        this.rows = rows;
        this.scopes = scopes;
        this.access = access;
        this.log = log;
    }

    /** The referral, if the user is party to it; otherwise {@link NotFound} (nothing is revealed). */
    public Referral require(UUID id, CurrentUser user) {
        Referral r = rows.find(id).orElseThrow(() -> new NotFound("referral"));
        if (side(user, r) == null) throw new NotFound("referral");
        return r;
    }

    /** The side the user acts for, or null when not party to the referral. */
    public Side side(CurrentUser user, Referral r) {
        if (user.role() == Role.GUARDIAN) {
            // A protection referral is never the family's to see: it could warn the person who harms the child.
            if (r.concernsProtection()) return null;
            return access.mayAccess(user, new ChildId(r.childId())) ? Side.FAMILY : null;
        }
        if (!user.role().readsChildRecords()) return null;
        if (user.scope().unit() instanceof OrgUnit.ServiceUnit) {
            if (scopes.mayActOn(user, OrgUnit.serviceUnit(r.toUnit()))) return Side.RECEIVER;
            if (scopes.mayActOn(user, OrgUnit.serviceUnit(r.fromUnit()))) return Side.SENDER;
            return null;
        }
        boolean supervises = r.escalatedAt() != null && user.scope().agencyCode() != null
                && rows.agencies(r.id()).contains(user.scope().agencyCode())
                && scopes.mayActOn(user, OrgUnit.serviceUnit(r.toUnit()));
        return supervises ? Side.SUPERVISOR : null;
    }

    /** Requires that the user works at the receiving unit and records children (accept, decline, complete …). */
    public Referral requireReceiver(UUID id, CurrentUser user) {
        Referral r = require(id, user);
        if (side(user, r) != Side.RECEIVER || !user.role().recordsChildren()) {
            throw new Refused("Only the receiving unit takes this step");
        }
        return r;
    }

    /** Requires that the user works at the referring unit and records children (closing a referral it sent). */
    public Referral requireParty(UUID id, CurrentUser user) {
        Referral r = require(id, user);
        Side side = side(user, r);
        if ((side != Side.RECEIVER && side != Side.SENDER) || !user.role().recordsChildren()) {
            throw new Refused("Only the two units take this step");
        }
        return r;
    }

    /**
     * Writes the step to the family's access log: through the kernel when the user's unit serves the child, else
     * (a receiving unit the child is not registered with) as a write with the referral as its basis.
     */
    public void logStep(Referral r, CurrentUser user, String detail) {
        ChildId child = new ChildId(r.childId());
        if (access.mayWrite(user, child)) {
            access.write(child, user, "referral", c -> detail, d -> d);
        } else {
            log.record(user, r.childId(), r.provinceCode(), AccessLog.Action.WRITE, "referral", detail);
        }
    }
}
