package org.tonkla.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.referral.internal.ReferralQueries;
import org.tonkla.referral.internal.ReferralRows;

/**
 * Overdue referrals (open past the due date of their need type) escalate once to the supervisors of the
 * receiving agency in the receiving unit's district: they get a notification and the referral in their overdue
 * queue; both units are told too. Runs every {@code tonkla.referral.escalation-interval}; several nodes may run
 * it at once (marking is compare-and-set), and time comes from the {@link Clock} only.
 */
@Component
public class Escalations {

    private final ReferralQueries queries;
    private final ReferralRows rows;
    private final Clock clock;

    Escalations(ReferralQueries queries, ReferralRows rows, Clock clock) {
        this.queries = queries;
        this.rows = rows;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tonkla.referral.escalation-interval:PT15M}", initialDelayString = "PT1M")
    void scheduled() {
        run(clock);
    }

    /**
     * Escalates what is overdue on the given clock's today; returns how many referrals it escalated. Tests pass
     * a fixed clock.
     */
    @Transactional
    public int run(Clock at) {
        LocalDate today = LocalDate.now(at);
        Instant now = Instant.now(at);
        int count = 0;
        for (Referral r : queries.dueForEscalation(today, 1000)) {
            if (!queries.markEscalated(r.id(), now)) continue;
            rows.event(r.id(), now, "escalated", r.status(), null, "Tonkla", null, "due " + r.dueOn(), null);
            queries.notifyArea(r.id(), queries.districtOf(r.id()), queries.agenciesOf(r.id()),
                    "referral.notice.escalated", now);
            queries.notifyUnit(r.id(), r.toUnit(), "referral.notice.overdue", now);
            queries.notifyUnit(r.id(), r.fromUnit(), "referral.notice.overdue", now);
            count++;
        }
        return count;
    }
}
