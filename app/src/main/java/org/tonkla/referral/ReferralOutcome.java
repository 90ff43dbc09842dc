package org.tonkla.referral;

/** The coded outcome a receiving unit completes a referral with; the referring unit sees it. */
public enum ReferralOutcome {
    /** Assessed; no problem found. */
    NO_PROBLEM_FOUND,
    /** Assessed; the need is confirmed and a service or treatment has started. */
    CONFIRMED_IN_TREATMENT,
    /** Served and the need is resolved. */
    RESOLVED,
    /** Passed on to a specialist service beyond this unit (e.g. a hospital's developmental clinic). */
    REFERRED_ONWARD,
    /** Support provided (a grant, a place, a home visit). */
    SUPPORT_PROVIDED,
    /** The family did not come after repeated appointments. */
    FAMILY_DID_NOT_ATTEND;

    public String messageKey() {
        return "referral.outcome." + name();
    }
}
