package org.tonkla.protection;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.consent.AccessLog;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Refused;
import org.tonkla.platform.Validation;
import org.tonkla.protection.internal.ConcernRows;
import org.tonkla.protection.internal.ProtectionWorkers;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.ChildFile;
import org.tonkla.registry.ChildId;

/**
 * Protection concerns as their workers and their reporter see them. Workers (the social development office the
 * concern was routed to, the district's child-protection subcommittee) read the child through the kernel for
 * {@code protection}; the reporter sees the status only; anyone else gets 404, not even learning that one exists.
 */
@Component
public class Concerns {

    /** The purpose every read of a concern is logged with (withheld from the family until released). */
    public static final String PURPOSE = "protection";

    /**
     * A concern for its workers: the child (as the kernel released it), what the screening found, and its level;
     * {@code office}: the reader is one of the office's workers, who alone move it on.
     */
    public record Detail(Concern concern, ChildFile child, List<String> causes, int score, boolean mayRelease,
            boolean office) {}

    /** A view of one concern: {@code detail} is null for the reporter, who sees {@code status} only. */
    public record View(Concern.StatusOnly status, Detail detail) {}

    /** The concerns a user works on, and those they reported (status only). */
    public record Listing(List<Concern> working, List<Concern.StatusOnly> reported) {}

    private final ConcernRows rows;
    private final ProtectionWorkers workers;
    private final ChildAccess access;
    private final AccessLog log;
    private final AuditTrail audit;
    private final Clock clock;

    Concerns(ConcernRows rows, ProtectionWorkers workers, ChildAccess access, AccessLog log, AuditTrail audit,
            Clock clock) {
        this.rows = rows;
        this.workers = workers;
        this.access = access;
        this.log = log;
        this.audit = audit;
        this.clock = clock;
    }

    /** The concerns routed to the user's office or subcommittees, and those the user reported. */
    public Listing list(CurrentUser user) {
        UUID office = user.scope().unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
        List<Concern> all = rows.visibleTo(office, workers.districts(user), user.id());
        return new Listing(all.stream().filter(c -> workers.worksOn(user, c)).toList(),
                all.stream().filter(c -> !workers.worksOn(user, c) && user.id().equals(c.reporterId()))
                        .map(Concern::statusOnly).toList());
    }

    /**
     * One concern: the detail for its workers (the child read through the kernel and logged), the status for its
     * reporter (logged too); 404 for anyone else.
     */
    @Transactional
    public View view(UUID id, CurrentUser user) {
        Concern c = rows.find(id).orElseThrow(() -> new NotFound("concern"));
        if (workers.worksOn(user, c)) {
            ChildFile child = access.open(new ChildId(c.childId()), user, PURPOSE);
            var screening = rows.screeningOf(c.id());
            return new View(c.statusOnly(), new Detail(c, child, screening.items(), screening.score(),
                    workers.atOffice(user, c) && c.logReleasedAt() == null, workers.atOffice(user, c)));
        }
        if (!user.id().equals(c.reporterId())) throw new NotFound("concern");
        log.record(user, c.childId(), c.provinceCode(), AccessLog.Action.READ, PURPOSE, "status of a concern");
        return new View(c.statusOnly(), null);
    }

    /**
     * Moves the concern on (the office's workers), after the revision the worker saw.
     *
     * @throws Conflict when it changed meanwhile
     */
    @Transactional
    public void changeStatus(UUID id, Concern.Status status, int revision, CurrentUser user) {
        Concern c = requireOffice(id, user);
        new Validation().check(status != null, "status", "OPEN, IN_PROGRESS or CLOSED").throwIfInvalid();
        if (!rows.changeStatus(c.id(), revision, status, Instant.now(clock))) throw Conflict.changedMeanwhile("concern");
        log.record(user, c.childId(), c.provinceCode(), AccessLog.Action.WRITE, PURPOSE, "concern " + status);
        audit.record("protection.concern.status", "protection_concern", c.id().toString(), c.status() + " -> " + status);
    }

    /**
     * The protection worker's decision that the family may now see the protection views in its access log: once,
     * by the office's workers, with the reason, audited.
     *
     * @throws org.tonkla.platform.InvalidInput naming {@code reason}
     * @throws Conflict when already released
     */
    @Transactional
    public void releaseLog(UUID id, String reason, CurrentUser user) {
        Concern c = requireOffice(id, user);
        new Validation().requiredText("reason", reason, Validation.MAX_NOTE).throwIfInvalid();
        if (!rows.releaseLog(c.id(), user.id(), Instant.now(clock))) {
            throw new Conflict("protection.released", "The views were already released to the family");
        }
        audit.record("protection.log.released", "protection_concern", c.id().toString(),
                "views released to the family by " + user.username() + ": " + reason.strip());
    }

    private Concern requireOffice(UUID id, CurrentUser user) {
        Concern c = rows.find(id).orElseThrow(() -> new NotFound("concern"));
        if (workers.atOffice(user, c)) return c;
        if (workers.worksOn(user, c) || user.id().equals(c.reporterId())) {
            throw new Refused("Only the social development office's workers act on a concern");
        }
        throw new NotFound("concern");
    }
}
