package org.tonkla.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.consent.AccessLog;
import org.tonkla.consent.Consents;
import org.tonkla.consent.Purpose;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.directory.ServiceUnitType;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.Refused;
import org.tonkla.platform.Validation;
import org.tonkla.referral.internal.ReferralQueries;
import org.tonkla.referral.internal.ReferralRows;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.ChildId;

/**
 * Making referrals and reading them: a new referral from a need (or by hand), one referral with its timeline,
 * a unit's queues and counts, a child's referrals. The steps after creation are {@link ReferralSteps}.
 */
@Component
public class Referrals {

    /** Unit types that give health services: referring to them needs no consent beyond the MOU's referral purpose. */
    static final java.util.Set<ServiceUnitType> HEALTH = java.util.EnumSet.of(ServiceUnitType.HEALTH_CENTER,
            ServiceUnitType.HOSPITAL, ServiceUnitType.HEALTH_OFFICE, ServiceUnitType.OTHER_HEALTH_UNIT);

    /**
     * What a referrer fills in.
     *
     * @param fromUnit the referring unit; the user's own unit when null
     * @param basis for a non-health unit: {@code CONSENT} (the guardian's consent for referral must be in force),
     *     or {@code CHILD_PROTECTION} / {@code VITAL_INTEREST} with {@code legalReason}; ignored for health units
     */
    public record NewReferral(UUID childId, UUID fromUnit, UUID toUnit, String needType, String needKey,
            String needDetail, String reason, LegalBasis basis, String legalReason) {}

    private final ReferralRows rows;
    private final ReferralQueries queries;
    private final ReferralAccess referralAccess;
    private final ChildAccess access;
    private final Consents consents;
    private final Directory directory;
    private final NeedTypes needTypes;
    private final Clock clock;
    private final AccessLog accessLog;

    Referrals(ReferralRows rows, ReferralQueries queries, ReferralAccess referralAccess, ChildAccess access,
            Consents consents, Directory directory, NeedTypes needTypes, Clock clock, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.rows = rows;
        this.queries = queries;
        this.referralAccess = referralAccess;
        this.access = access;
        this.consents = consents;
        this.directory = directory;
        this.needTypes = needTypes;
        this.clock = clock;
    }

    /**
     * Refers a child: the user must record children at the referring unit and may write to the child's record;
     * the receiving unit is told (a link only). Logged in the family's access log as a write for {@code referral}.
     *
     * @throws InvalidInput naming each bad field ({@code toUnit}, {@code needType}, {@code reason}, {@code basis},
     *     {@code legalReason})
     */
    @Transactional
    public Referral create(NewReferral in, CurrentUser user) {
        if (!user.role().recordsChildren()) throw new Refused("Only roles that record children refer them");
        UUID from = in.fromUnit() != null ? in.fromUnit()
                : user.scope().unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
        if (from == null) throw new InvalidInput("fromUnit", "the referring service unit");
        access.requireRecorderAt(user, from);
        ServiceUnit to = in.toUnit() == null ? null : directory.serviceUnit(in.toUnit()).orElse(null);
        var type = in.needType() == null ? null : needTypes.type(in.needType()).orElse(null);
        var v = new Validation()
                .check(to != null && to.acceptsNewRecords() && !to.id().equals(from), "toUnit",
                        "an active service unit other than the referring one")
                .check(type != null, "needType", "one of " + needTypes.codes())
                .requiredText("reason", in.reason(), Validation.MAX_NOTE)
                .optionalText("needKey", in.needKey(), Validation.MAX_TEXT)
                .optionalText("needDetail", in.needDetail(), Validation.MAX_TEXT)
                .optionalText("legalReason", in.legalReason(), Validation.MAX_NOTE);
        v.throwIfInvalid();
        LegalBasis basis = basis(in, to);
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        UUID id = UUID.randomUUID();
        ChildId child = new ChildId(in.childId());
        String toName = to.nameTh();
        access.write(child, user, "referral", c -> {
            if (basis == LegalBasis.CONSENT && !consents.inForce(c.id().value(), Purpose.REFERRAL)) {
                throw new InvalidInput("basis", "the guardian's consent for referral in force, or CHILD_PROTECTION"
                        + " or VITAL_INTEREST with a legalReason");
            }
            rows.insert(new ReferralRows.NewSlip(id, c.id().value(), c.provinceCode(), c.fullNameTh(), c.dateOfBirth(),
                    in.needType(), blank(in.needKey()), blank(in.needDetail()), in.reason().strip(), from, to.id(),
                    district(to), directory.agencyLineage(to.agencyCode()), user.id(), user.displayName(), now,
                    today.plusDays(type.days()), basis, basis.needsReview() ? in.legalReason().strip() : null, null));
            return id;
        }, x -> "referral " + id + " to " + toName);
        rows.event(id, now, "created", ReferralStatus.CREATED, user.id(), user.displayName(), from, null, null);
        queries.notifyUnit(id, to.id(), "referral.notice.created", now);
        return rows.find(id).orElseThrow();
    }

    private LegalBasis basis(NewReferral in, ServiceUnit to) {
        if (HEALTH.contains(to.type())) return LegalBasis.HEALTH_SERVICE;
        LegalBasis basis = in.basis() == null ? LegalBasis.CONSENT : in.basis();
        if (basis == LegalBasis.HEALTH_SERVICE) {
            throw new InvalidInput("basis", "CONSENT, CHILD_PROTECTION or VITAL_INTEREST for a unit that is not a health service");
        }
        if (basis.needsReview() && (in.legalReason() == null || in.legalReason().isBlank())) {
            throw new InvalidInput("legalReason", "why the referral is made without the guardian's consent");
        }
        return basis;
    }

    /** Where escalations go: the receiving unit's district (its province when the district is not known). */
    static String district(ServiceUnit unit) {
        return unit.districtCode() != null ? unit.districtCode() : unit.provinceCode();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** One referral the user is party to; 404 otherwise. */
    public Referral get(UUID id, CurrentUser user) {
        return referralAccess.require(id, user);
    }

    /**
     * One referral the user is party to, read for {@code purpose} by another system (FHIR): the child's record is
     * shown, so the read is in the family's access log like any other. 404 otherwise.
     */
    public Referral read(UUID id, CurrentUser user, String purpose) {
        Referral r = referralAccess.require(id, user);
        accessLog.recordAll(user, List.of(r.childId()), java.util.Collections.singletonList(r.provinceCode()),
                AccessLog.Action.READ, purpose);
        return r;
    }

    /** The referral's timeline: every status change, appointment and note. */
    public List<ReferralEvent> timeline(UUID id, CurrentUser user) {
        referralAccess.require(id, user);
        return rows.events(id);
    }

    /**
     * A unit's queue, newest first, at most {@code limit}. The user must work at (or above) the unit; area
     * supervisors get the escalated referrals of their agency in their area instead ({@code unit} null).
     */
    public List<Referral> queue(UUID unit, Box box, ReferralStatus status, CurrentUser user, int limit) {
        LocalDate today = LocalDate.now(clock);
        if (!user.role().readsChildRecords() || user.role() == org.tonkla.identity.Role.GUARDIAN) {
            throw new Refused("This role has no referral queues");
        }
        if (unit == null) {
            if (user.scope().unit() instanceof OrgUnit.Area area && user.scope().agencyCode() != null
                    && user.role().readsChildRecords() && box == Box.OVERDUE) {
                return shown(user, queries.escalated(area.code(), user.scope().agencyCode(), limit));
            }
            throw new InvalidInput("unit", "the service unit whose queue to list");
        }
        access.requireUnitList(user, unit);
        return shown(user, queries.queue(unit, box, status, today, limit));
    }

    /** A list shows each child's name: one entry per child in the family's access log, as every list does. */
    private List<Referral> shown(CurrentUser user, List<Referral> list) {
        accessLog.recordAll(user, list.stream().map(Referral::childId).toList(),
                list.stream().map(Referral::provinceCode).toList(), AccessLog.Action.READ, "referral");
        return list;
    }

    /** Open incoming, open outgoing and overdue counts of a unit (for the home page and the queue's tabs). */
    public Map<Box, Integer> counts(UUID unit, CurrentUser user) {
        access.requireUnitList(user, unit);
        return queries.counts(unit, LocalDate.now(clock));
    }

    /** In-app notifications for the user's unit, or, for area supervisors, their area and agency. */
    public List<ReferralQueries.Notice> notices(CurrentUser user, int limit) {
        if (!user.role().readsChildRecords() || user.role() == org.tonkla.identity.Role.GUARDIAN) return List.of();
        UUID unit = user.scope().unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
        String area = user.scope().unit() instanceof OrgUnit.Area a ? a.code() : null;
        return queries.notices(unit, area, user.scope().agencyCode(), limit);
    }

    /** The child's referrals the user is party to (the child's timeline of referrals). */
    public List<Referral> ofChild(UUID child, CurrentUser user) {
        if (!access.mayAccess(user, new ChildId(child))) throw new Refused("Child outside the user's scope");
        return queries.ofChild(child).stream().filter(r -> referralAccess.side(user, r) != null).toList();
    }

    /** Referrals made on a legal basis without consent, for the officers of the province to review. */
    public List<Referral> reviewList(CurrentUser user) {
        if (user.role() != org.tonkla.identity.Role.PROVINCIAL_OFFICER
                || !(user.scope().unit() instanceof OrgUnit.Area area)) {
            throw new Refused("Only provincial officers review referrals made without consent");
        }
        return queries.reviewList(area.code().substring(0, 2), 200);
    }
}
