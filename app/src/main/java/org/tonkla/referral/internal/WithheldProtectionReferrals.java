package org.tonkla.referral.internal;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.tonkla.consent.AccessLog;
import org.tonkla.consent.FamilyLogExceptions;
import org.tonkla.referral.Referral;

/**
 * The family's access log leaves out what a protection referral caused (Child Protection Act B.E. 2546): its
 * creation and steps (the entries naming the referral) and the receiving unit's reads and writes for referrals from
 * then on, since "the social development office opened the record for a referral" would warn a person who harms
 * the child. The family still sees every other referral's entries. Nothing is removed from the log itself.
 */
@Component
class WithheldProtectionReferrals implements FamilyLogExceptions {

    private final ReferralQueries queries;

    WithheldProtectionReferrals(ReferralQueries queries) {
        this.queries = queries;
    }

    @Override
    public Predicate<AccessLog.Entry> withheld(UUID childId) {
        List<Referral> protection = queries.ofChild(childId).stream().filter(Referral::concernsProtection).toList();
        if (protection.isEmpty()) return e -> false;
        return e -> "referral".equals(e.purpose()) && protection.stream().anyMatch(r -> caused(r, e));
    }

    private static boolean caused(Referral r, AccessLog.Entry e) {
        if (e.detail() != null && e.detail().startsWith("referral " + r.id())) return true;
        return r.toUnit().equals(e.unitId()) && !e.occurredAt().isBefore(r.createdAt());
    }
}
