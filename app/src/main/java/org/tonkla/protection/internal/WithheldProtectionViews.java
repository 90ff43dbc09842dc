package org.tonkla.protection.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tonkla.consent.AccessLog;
import org.tonkla.consent.FamilyLogExceptions;
import org.tonkla.identity.Role;
import org.tonkla.protection.Concern;
import org.tonkla.protection.Concerns;
import org.tonkla.protection.ProtectionScreenings;

/**
 * The family's access log leaves out the protection views of a child, because seeing them could warn a person who
 * harms the child. Two kinds, both kept in the log itself (auditors and the hash chain see every entry):
 * <ul>
 * <li>every protection risk screening (its level would tell), until a protection worker releases a concern of the
 * child: a release shows the screenings recorded up to that moment, not later ones;
 * <li>from the moment a concern is opened until it is released ({@link Concerns#releaseLog}, audited), the
 * {@code protection} reads of the protection roles only: the office the concern was routed to, committee members
 * (the kernel lets nobody else declare the purpose), and the reporter's status checks. Anyone else's read stays
 * visible, so nobody can hide their own reads by naming the purpose.
 * </ul>
 */
@Component
class WithheldProtectionViews implements FamilyLogExceptions {

    /** The detail {@link Concerns#view} logs for the reporter's status check. */
    static final String STATUS_CHECK = "status of a concern";

    private final ConcernRows rows;

    WithheldProtectionViews(ConcernRows rows) {
        this.rows = rows;
    }

    @Override
    public Predicate<AccessLog.Entry> withheld(UUID childId) {
        List<Concern> concerns = rows.ofChild(childId);
        Instant released = concerns.stream().map(Concern::logReleasedAt).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        Instant from = concerns.stream().filter(c -> c.logReleasedAt() == null).map(Concern::openedAt)
                .min(Instant::compareTo).orElse(null);
        Set<UUID> offices = concerns.stream().map(Concern::officeUnitId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return e -> {
            if (ProtectionScreenings.PURPOSE.equals(e.purpose())) {
                return released == null || e.occurredAt().isAfter(released);
            }
            if (!Concerns.PURPOSE.equals(e.purpose()) || from == null || e.occurredAt().isBefore(from)) return false;
            return (e.unitId() != null && offices.contains(e.unitId()))
                    || Role.COMMITTEE_MEMBER.name().equals(e.role()) || STATUS_CHECK.equals(e.detail());
        };
    }
}
