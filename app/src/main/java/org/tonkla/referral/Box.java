package org.tonkla.referral;

/** A unit's work queues: referrals it received, referrals it sent, and those of either past their due date. */
public enum Box {
    INCOMING, OUTGOING, OVERDUE;

    public String messageKey() {
        return "referral.box." + name();
    }
}
