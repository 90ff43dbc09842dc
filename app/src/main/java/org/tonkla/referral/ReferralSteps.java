package org.tonkla.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.Validation;
import org.tonkla.referral.internal.ReferralQueries;
import org.tonkla.referral.internal.ReferralRows;

/**
 * The steps of a referral after it is made. Each is a compare-and-set on status and revision: of two users
 * accepting the same referral at once, one wins and the other gets a 409 saying someone else decided first.
 * Each step lands on the referral's timeline, notifies the other unit (a link only) and is written to the
 * family's access log.
 */
@Component
public class ReferralSteps {

    private final ReferralRows rows;
    private final ReferralQueries queries;
    private final ReferralAccess referrals;
    private final Directory directory;
    private final Clock clock;
    private final org.tonkla.consent.Consents consents;

    ReferralSteps(ReferralRows rows, ReferralQueries queries, ReferralAccess referrals, Directory directory,
            Clock clock, org.tonkla.consent.Consents consents) {
        this.consents = consents;
        this.rows = rows;
        this.queries = queries;
        this.referrals = referrals;
        this.directory = directory;
        this.clock = clock;
    }

    /** The receiving unit has seen the referral. */
    @Transactional
    public Referral receive(UUID id, int revision, CurrentUser user) {
        Referral r = referrals.requireReceiver(id, user);
        return step(r, revision, ReferralStatus.CREATED, ReferralStatus.RECEIVED, user, "received", null, "");
    }

    /** The receiving unit takes the child on. */
    @Transactional
    public Referral accept(UUID id, int revision, CurrentUser user) {
        Referral r = referrals.requireReceiver(id, user);
        requireDecidable(r);
        return step(r, revision, r.status(), ReferralStatus.ACCEPTED, user, "accepted", null, "");
    }

    /** The receiving unit declines, saying why; the referring unit sees the reason. */
    @Transactional
    public Referral decline(UUID id, int revision, String reason, CurrentUser user) {
        Referral r = referrals.requireReceiver(id, user);
        new Validation().requiredText("reason", reason, Validation.MAX_NOTE).throwIfInvalid();
        requireDecidable(r);
        return step(r, revision, r.status(), ReferralStatus.DECLINED, user, "declined", reason.strip(),
                "decline_reason = :p0", reason.strip());
    }

    /**
     * The receiving unit passes the referral on to {@code toUnit}: this one ends as {@code REDIRECTED} and a new
     * referral from the same referring unit goes to the new unit with the same need, basis and due date.
     */
    @Transactional
    public Referral redirect(UUID id, int revision, UUID toUnit, String reason, CurrentUser user) {
        Referral r = referrals.requireReceiver(id, user);
        new Validation().requiredText("reason", reason, Validation.MAX_NOTE).throwIfInvalid();
        requireDecidable(r);
        ServiceUnit to = toUnit == null ? null : directory.serviceUnit(toUnit).orElse(null);
        if (to == null || !to.acceptsNewRecords() || to.id().equals(r.toUnit()) || to.id().equals(r.fromUnit())) {
            throw new InvalidInput("toUnit", "an active service unit other than the two units of this referral");
        }
        LegalBasis basis = r.legalBasis();
        if (!Referrals.HEALTH.contains(to.type()) && basis == LegalBasis.HEALTH_SERVICE) {
            // Passing a health referral on to a non-health agency needs what a new referral there would need.
            if (!consents.inForce(r.childId(), org.tonkla.consent.Purpose.REFERRAL)) {
                throw new InvalidInput("toUnit", "a health service, or the guardian's consent for referral in force");
            }
            basis = LegalBasis.CONSENT;
        }
        UUID next = UUID.randomUUID();
        Instant now = Instant.now(clock);
        rows.insert(new ReferralRows.NewSlip(next, r.childId(), r.provinceCode(), r.childName(), r.childBirthDate(),
                r.needType(), r.needKey(), r.needDetail(), r.reason(), r.fromUnit(), to.id(), Referrals.district(to),
                directory.agencyLineage(to.agencyCode()), user.id(), user.displayName(), now, r.dueOn(),
                basis, basis.needsReview() ? r.legalReason() : null, r.id()));
        Referral done = step(r, revision, r.status(), ReferralStatus.REDIRECTED, user, "redirected", reason.strip(),
                "redirected_to = :p0", next);
        rows.event(next, now, "created", ReferralStatus.CREATED, user.id(), user.displayName(), unitOf(user),
                reason.strip(), null);
        queries.notifyUnit(next, to.id(), "referral.notice.created", now);
        return done;
    }

    /** An appointment is made: the referral is in service from now on. */
    @Transactional
    public Referral appointment(UUID id, int revision, Instant at, String note, CurrentUser user) {
        Referral r = referrals.requireReceiver(id, user);
        LocalDate today = LocalDate.now(clock);
        if (at == null || at.isBefore(today.minusYears(1).atStartOfDay(clock.getZone()).toInstant())) {
            throw new InvalidInput("appointmentAt", "the appointment's date and time");
        }
        new Validation().optionalText("note", note, Validation.MAX_NOTE).throwIfInvalid();
        if (r.status() != ReferralStatus.ACCEPTED && r.status() != ReferralStatus.IN_SERVICE) {
            throw new Conflict("referral.conflict.notAccepted", "Accept the referral before making an appointment");
        }
        String clean = note == null || note.isBlank() ? null : note.strip();
        return step(r, revision, r.status(), ReferralStatus.IN_SERVICE, user, "appointment", clean, at, "");
    }

    /** A note on the timeline by either unit; the status does not change. */
    @Transactional
    public Referral note(UUID id, String note, CurrentUser user) {
        Referral r = referrals.requireParty(id, user);
        new Validation().requiredText("note", note, Validation.MAX_NOTE).throwIfInvalid();
        Instant now = Instant.now(clock);
        rows.event(r.id(), now, "note", r.status(), user.id(), user.displayName(), unitOf(user), note.strip(), null);
        referrals.logStep(r, user, "referral " + r.id() + ": note");
        return r;
    }

    /** The receiving unit completes the referral with a coded outcome; the referring unit is told. */
    @Transactional
    public Referral complete(UUID id, int revision, ReferralOutcome outcome, String note, CurrentUser user) {
        Referral r = referrals.requireReceiver(id, user);
        if (outcome == null) throw new InvalidInput("outcome", "one of " + java.util.List.of(ReferralOutcome.values()));
        new Validation().optionalText("note", note, Validation.MAX_NOTE).throwIfInvalid();
        if (r.status() != ReferralStatus.ACCEPTED && r.status() != ReferralStatus.IN_SERVICE) {
            throw new Conflict("referral.conflict.notAccepted", "Only an accepted referral can be completed");
        }
        String clean = note == null || note.isBlank() ? null : note.strip();
        return step(r, revision, r.status(), ReferralStatus.COMPLETED, user, "completed", clean,
                "outcome = :p0, outcome_note = :p1", outcome.name(), clean);
    }

    /** Either unit closes an open referral without an outcome (withdrawn, the family moved away), saying why. */
    @Transactional
    public Referral close(UUID id, int revision, String reason, CurrentUser user) {
        Referral r = referrals.requireParty(id, user);
        new Validation().requiredText("reason", reason, Validation.MAX_NOTE).throwIfInvalid();
        if (!r.status().isOpen()) throw Conflict.changedMeanwhile("referral");
        return step(r, revision, r.status(), ReferralStatus.CLOSED, user, "closed", reason.strip(),
                "closed_reason = :p0", reason.strip());
    }

    private static void requireDecidable(Referral r) {
        if (r.status() != ReferralStatus.CREATED && r.status() != ReferralStatus.RECEIVED) {
            throw taken();
        }
    }

    /** The clear message for the second of two users deciding the same referral. */
    static Conflict taken() {
        return new Conflict("referral.conflict.taken",
                "Someone else has already decided on this referral (accepted, declined or redirected it); reload to see it");
    }

    private Referral step(Referral r, int revision, ReferralStatus from, ReferralStatus to, CurrentUser user,
            String kind, String note, String set, Object... params) {
        return step(r, revision, from, to, user, kind, note, null, set, params);
    }

    private Referral step(Referral r, int revision, ReferralStatus from, ReferralStatus to, CurrentUser user,
            String kind, String note, Instant appointment, String set, Object... params) {
        Instant now = Instant.now(clock);
        if (!rows.change(r.id(), from, revision, to, now, set, params)) {
            boolean decision = to == ReferralStatus.ACCEPTED || to == ReferralStatus.DECLINED
                    || to == ReferralStatus.REDIRECTED;
            throw decision ? taken() : Conflict.changedMeanwhile("referral");
        }
        rows.event(r.id(), now, kind, to, user.id(), user.displayName(), unitOf(user), note, appointment);
        UUID other = user.scope().unit() instanceof OrgUnit.ServiceUnit s && s.id().equals(r.fromUnit())
                ? r.toUnit() : r.fromUnit();
        queries.notifyUnit(r.id(), other, "referral.notice." + kind, now);
        referrals.logStep(r, user, "referral " + r.id() + ": " + kind);
        return rows.find(r.id()).orElseThrow();
    }

    private static UUID unitOf(CurrentUser user) {
        return user.scope().unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
    }
}
