package org.tonkla.referral;

import java.time.Instant;
import java.util.UUID;

/** One step on a referral's timeline: a status change, an appointment or a note, by whom and where. */
public record ReferralEvent(Instant occurredAt, String kind, ReferralStatus status, String displayName, UUID unitId,
        String note, Instant appointmentAt) {}
