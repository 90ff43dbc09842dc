package org.tonkla.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A referral slip as both units see it. {@code childName} is what a paper slip carries; the child's record
 * itself is read through the registry's kernel only.
 *
 * @param revision for compare-and-set: send it back with each step
 * @param redirectedTo the new referral this one was passed on to, when {@code REDIRECTED}
 * @param reviewNeeded a non-health referral made on a legal basis, waiting for the officers' review
 */
public record Referral(UUID id, UUID childId, String childName, LocalDate childBirthDate, String needType,
        String needKey, String needDetail, String reason, UUID fromUnit, UUID toUnit, ReferralStatus status,
        int revision, String createdByName, Instant createdAt, Instant updatedAt, LocalDate dueOn,
        LegalBasis legalBasis, String legalReason, boolean reviewNeeded, Instant reviewedAt, String declineReason,
        UUID redirectedFrom, UUID redirectedTo, ReferralOutcome outcome, String outcomeNote, String closedReason,
        Instant escalatedAt, String provinceCode) {

    /**
     * Made under the Child Protection Act or for a child-protection need: the family is shown neither the referral
     * nor, while it exists, the referral steps in the child's access log ({@code internal.WithheldProtectionReferrals}).
     */
    public boolean concernsProtection() {
        return legalBasis == LegalBasis.CHILD_PROTECTION || "child-protection".equals(needType);
    }

    /** Open and past its due date on {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return status.isOpen() && dueOn.isBefore(today);
    }

    @Override
    public String toString() {
        return "Referral[" + id + ", " + status + "]";
    }
}
