package org.tonkla.referral;

import java.util.EnumSet;
import java.util.Set;

/** Where a referral stands. {@code CREATED} is sent and not yet opened by the receiving unit. */
public enum ReferralStatus {
    CREATED, RECEIVED, ACCEPTED, IN_SERVICE, COMPLETED, DECLINED, REDIRECTED, CLOSED;

    /** Statuses in which the receiving unit still owes something: these count against the deadline. */
    public static final Set<ReferralStatus> OPEN = EnumSet.of(CREATED, RECEIVED, ACCEPTED, IN_SERVICE);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public String messageKey() {
        return "referral.status." + name();
    }
}
