package org.tonkla.referral;

/**
 * Why a referral may pass a child's data to the receiving unit. A health service needs nothing more (the
 * MOU's purpose {@code referral}); a non-health agency needs the guardian's consent, or a legal basis chosen
 * with a reason that puts the decision on the officers' review list.
 */
public enum LegalBasis {
    HEALTH_SERVICE, CONSENT, CHILD_PROTECTION, VITAL_INTEREST;

    /** Whether choosing this basis needs a written reason and a later review. */
    public boolean needsReview() {
        return this == CHILD_PROTECTION || this == VITAL_INTEREST;
    }

    public String messageKey() {
        return "referral.basis." + name();
    }
}
