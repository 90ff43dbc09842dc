package org.tonkla.field.internal;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tonkla.field.Campaign;

/**
 * The configuration of {@link VisitTime}: how far a phone's clock may run ahead ({@code tonkla.field.clock-skew},
 * default 15 minutes) and how long after a campaign's end a visit made before it is still received
 * ({@code tonkla.field.late-submission-days}, default 14).
 */
@Component
class VisitDays {

    private final Duration clockSkew;
    private final int lateDays;

    VisitDays(@Value("${tonkla.field.clock-skew:PT15M}") Duration clockSkew,
            @Value("${tonkla.field.late-submission-days:14}") int lateDays) {
        if (clockSkew.isNegative() || lateDays < 0) throw new IllegalArgumentException("tonkla.field: negative clock skew or late days");
        this.clockSkew = clockSkew;
        this.lateDays = lateDays;
    }

    /** The day of the visit of {@code form} for {@code campaign}, received (its first part) at {@code received}. */
    VisitTime of(VisitForm form, Campaign campaign, Instant received) {
        return VisitTime.of(form, campaign, received, clockSkew);
    }

    int lateDays() {
        return lateDays;
    }
}
