package org.tonkla.protection.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.tonkla.consent.AccessLog;
import org.tonkla.consent.FamilyLogExceptions;
import org.tonkla.protection.Concern;

/**
 * The family's access log leaves out the protection views of a child (the screening that opened a concern, the
 * protection workers' and the subcommittee's reads, the reporter's status checks) from the moment a concern is
 * opened until the protection worker releases it: seeing them could warn a person who harms the child. The entries
 * stay in the log; releasing is audited ({@link org.tonkla.protection.Concerns#releaseLog}).
 */
@Component
class WithheldProtectionViews implements FamilyLogExceptions {

    /** The purposes of protection work, as the access log records them. */
    static final Set<String> PURPOSES = Set.of("protection", "protection-screening");

    private final ConcernRows rows;

    WithheldProtectionViews(ConcernRows rows) {
        this.rows = rows;
    }

    @Override
    public Predicate<AccessLog.Entry> withheld(UUID childId) {
        Instant from = rows.ofChild(childId).stream().filter(c -> c.logReleasedAt() == null).map(Concern::openedAt)
                .min(Instant::compareTo).orElse(null);
        if (from == null) return e -> false;
        return e -> PURPOSES.contains(e.purpose()) && !e.occurredAt().isBefore(from);
    }
}
