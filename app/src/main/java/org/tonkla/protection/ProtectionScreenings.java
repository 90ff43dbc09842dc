package org.tonkla.protection;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.directory.ServiceUnitType;
import org.tonkla.directory.UnitStatus;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.Refused;
import org.tonkla.platform.Validation;
import org.tonkla.protection.internal.ConcernRows;
import org.tonkla.registry.Child;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.ChildId;

/**
 * A teacher, health worker or surveyor records a protection screening of a child whose record they may write to:
 * the items they found, scored by the rule in force in the child's province. A HIGH result opens a protection
 * concern under the Child Protection Act B.E. 2546 (section 29 obliges those who work with children to report):
 * no consent is asked, a reason is required, and the concern goes to the province's social development office
 * and the reporter's district child-protection subcommittee.
 */
@Component
public class ProtectionScreenings {

    /** The purpose of the write in the access log (withheld from the family while a concern is open). */
    public static final String PURPOSE = "protection-screening";

    /**
     * What the screener found. {@code reason} is required when the result is HIGH; {@code livingArrangement} (a
     * {@link LivingArrangement} name, optional) other than with a parent adds the item {@code not-with-parents}.
     */
    public record ScreeningInput(Set<String> items, String reason, String livingArrangement) {
        public ScreeningInput(Set<String> items, String reason) {
            this(items, reason, null);
        }
    }

    /** The result; {@code concernId} is the concern a HIGH result opened, null otherwise. */
    public record Outcome(RiskRule.Result result, UUID concernId) {}

    private final ChildAccess access;
    private final RiskRules rules;
    private final ConcernRows rows;
    private final Directory directory;
    private final AuditTrail audit;
    private final Clock clock;

    ProtectionScreenings(ChildAccess access, RiskRules rules, ConcernRows rows, Directory directory, AuditTrail audit,
            Clock clock) {
        this.access = access;
        this.rules = rules;
        this.rows = rows;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a screening (a write to the child's record, so only for a child the user may write to).
     *
     * @throws InvalidInput naming {@code items} (an item that is not on the list) or {@code reason} (HIGH without one)
     * @throws org.tonkla.platform.Refused when the user may not write to the child's record
     */
    @Transactional
    public Outcome record(ChildId childId, ScreeningInput in, CurrentUser user) {
        // Whether the user may write comes first: the form's answer tells an outsider nothing about the child.
        if (!access.mayWrite(user, childId)) throw new Refused("Child outside the user's reach for writing");
        Set<String> items = in.items() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(in.items());
        LivingArrangement living = LivingArrangement.parse(in.livingArrangement()).orElse(null);
        new Validation().check(rules.items().containsAll(items), "items", "items of the protection screening list")
                .check(living != null || in.livingArrangement() == null || in.livingArrangement().isBlank(),
                        "livingArrangement", "BOTH_PARENTS, ONE_PARENT, GRANDPARENTS, OTHERS or INSTITUTION")
                .optionalText("reason", in.reason(), Validation.MAX_NOTE).throwIfInvalid();
        if (living != null && !living.withAParent()) items.add(LivingArrangement.NOT_WITH_PARENTS);
        return access.write(childId, user, PURPOSE, child -> screen(child, items, living, in.reason(), user),
                o -> "level " + o.result().level() + (o.concernId() == null ? "" : ", concern " + o.concernId()));
    }

    private Outcome screen(Child child, Set<String> items, LivingArrangement living, String reason, CurrentUser user) {
        RiskRule.Result result = rules.inForce(child.provinceCode()).assess(items);
        Instant now = Instant.now(clock);
        UUID concern = null;
        String district = districtOf(user);
        if (result.level() == RiskLevel.HIGH) {
            new Validation().requiredText("reason", reason, Validation.MAX_NOTE).throwIfInvalid();
            concern = UUID.randomUUID();
            rows.insert(new Concern(concern, child.id().value(), child.provinceCode(), district,
                    office(child.provinceCode()), user.id(), reason.strip(), Concern.Status.OPEN, now, null, 0),
                    child.dateOfBirth());
            audit.record("protection.concern.opened", "protection_concern", concern.toString(),
                    "opened by a HIGH screening (" + String.join(", ", result.causes()) + ")");
        }
        rows.insertScreening(UUID.randomUUID(), child.id().value(), child.provinceCode(), district, user.id(), now,
                List.copyOf(items), result.score(), result.level().name(), concern, living == null ? null : living.name());
        return new Outcome(result, concern);
    }

    /** The social development office (MSDHS) of the province in the directory; null when it lists none. */
    private UUID office(String provinceCode) {
        return directory.serviceUnitsIn(provinceCode, ServiceUnitType.SOCIAL_DEVELOPMENT_OFFICE, 5).stream()
                .filter(u -> u.status() == UnitStatus.ACTIVE).map(ServiceUnit::id).findFirst().orElse(null);
    }

    /** The district the reporter works in: their unit's, or the district of their area scope. */
    private String districtOf(CurrentUser user) {
        return switch (user.scope().unit()) {
            case OrgUnit.ServiceUnit s -> directory.serviceUnit(s.id()).map(ServiceUnit::districtCode).orElse(null);
            case OrgUnit.Area a -> a.code().length() >= 4 ? a.code().substring(0, 4) : null;
            default -> null;
        };
    }
}
