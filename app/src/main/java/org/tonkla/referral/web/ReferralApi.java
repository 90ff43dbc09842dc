package org.tonkla.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tonkla.identity.Users;
import org.tonkla.platform.InvalidInput;
import org.tonkla.referral.Box;
import org.tonkla.referral.Referral;
import org.tonkla.referral.ReferralEvent;
import org.tonkla.referral.ReferralOutcome;
import org.tonkla.referral.ReferralRecord;
import org.tonkla.referral.ReferralStatus;
import org.tonkla.referral.ReferralSteps;
import org.tonkla.referral.Referrals;
import org.tonkla.referral.internal.ReferralQueries;

/**
 * {@code /api/v1/referrals}: make a referral, list a unit's queues by box and status, read one with its timeline
 * and the minimum necessary of the child's record, and take each step. Steps carry the {@code revision} read
 * last; a step someone else took first answers 409.
 */
@RestController
@RequestMapping("/api/v1/referrals")
@Tag(name = "Referrals", description = "Referrals between service units: lifecycle, queues, outcome")
class ReferralApi {

    private final Referrals referrals;
    private final ReferralSteps steps;
    private final ReferralRecord record;
    private final Users users;

    ReferralApi(Referrals referrals, ReferralSteps steps, ReferralRecord record, Users users) {
        this.referrals = referrals;
        this.steps = steps;
        this.record = record;
        this.users = users;
    }

    /**
     * The body of every step; each step reads the fields it needs.
     *
     * @param revision the referral's revision as last read (all steps but notes)
     * @param reason why (decline, redirect, close)
     * @param toUnit the unit a referral is redirected to
     * @param outcome the coded outcome (complete)
     * @param appointmentAt when the child is seen (appointments)
     */
    record Step(Integer revision, String reason, UUID toUnit, ReferralOutcome outcome, String note,
            Instant appointmentAt) {
        int rev() {
            if (revision == null) throw new InvalidInput("revision", "the referral's revision as last read");
            return revision;
        }
    }

    /** One referral with its timeline and, for the receiving unit, the part of the child's record it may see. */
    record Detail(Referral referral, List<ReferralEvent> timeline, Optional<ReferralRecord.Shown> record) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Refer a child to another service unit",
            description = "400 names each bad field; a unit that is not a health service needs basis CONSENT (the"
                    + " guardian's consent for referral in force) or CHILD_PROTECTION / VITAL_INTEREST with legalReason,"
                    + " which puts the referral on the officers' review list")
    Referral create(@RequestBody Referrals.NewReferral body) {
        return referrals.create(body, users.require());
    }

    @GetMapping
    @Operation(summary = "A unit's queue (incoming, outgoing, overdue), optionally of one status; or a child's referrals",
            description = "Area supervisors list the escalated referrals of their agency with box=overdue and no unit")
    List<Referral> list(@RequestParam(required = false) UUID unit,
            @Parameter(description = "incoming, outgoing or overdue") @RequestParam(defaultValue = "incoming") String box,
            @RequestParam(required = false) String status, @RequestParam(required = false) UUID child,
            @RequestParam(defaultValue = "100") int limit) {
        var user = users.require();
        if (child != null) return referrals.ofChild(child, user);
        return referrals.queue(unit, parse(Box.class, "box", box), status == null ? null
                : parse(ReferralStatus.class, "status", status), user, Math.clamp(limit, 1, 500));
    }

    @GetMapping("/counts")
    @Operation(summary = "Open incoming, open outgoing and overdue referrals of a unit")
    Map<Box, Integer> counts(@RequestParam UUID unit) {
        return referrals.counts(unit, users.require());
    }

    @GetMapping("/notifications")
    @Operation(summary = "In-app notifications of the caller's unit (links only)")
    List<ReferralQueries.Notice> notifications() {
        return referrals.notices(users.require(), 50);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One referral the caller's unit is party to (404 otherwise), its timeline and the minimum necessary record")
    Detail get(@PathVariable UUID id) {
        var user = users.require();
        Referral r = referrals.get(id, user);
        return new Detail(r, referrals.timeline(id, user), record.forReceiver(r, user));
    }

    @PostMapping("/{id}/receive")
    @Operation(summary = "The receiving unit has seen the referral")
    Referral receive(@PathVariable UUID id, @RequestBody Step s) {
        return steps.receive(id, s.rev(), users.require());
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept; 409 when someone else decided first")
    Referral accept(@PathVariable UUID id, @RequestBody Step s) {
        return steps.accept(id, s.rev(), users.require());
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "Decline with a reason")
    Referral decline(@PathVariable UUID id, @RequestBody Step s) {
        return steps.decline(id, s.rev(), s.reason(), users.require());
    }

    @PostMapping("/{id}/redirect")
    @Operation(summary = "Pass on to another unit (toUnit, reason): a new referral is made, this one ends REDIRECTED")
    Referral redirect(@PathVariable UUID id, @RequestBody Step s) {
        return steps.redirect(id, s.rev(), s.toUnit(), s.reason(), users.require());
    }

    @PostMapping("/{id}/appointments")
    @Operation(summary = "Make an appointment (appointmentAt, note): the referral is in service")
    Referral appointment(@PathVariable UUID id, @RequestBody Step s) {
        return steps.appointment(id, s.rev(), s.appointmentAt(), s.note(), users.require());
    }

    @PostMapping("/{id}/notes")
    @Operation(summary = "Add a note to the timeline")
    Referral note(@PathVariable UUID id, @RequestBody Step s) {
        return steps.note(id, s.note(), users.require());
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Complete with a coded outcome (and a note)")
    Referral complete(@PathVariable UUID id, @RequestBody Step s) {
        return steps.complete(id, s.rev(), s.outcome(), s.note(), users.require());
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close an open referral without an outcome, with a reason")
    Referral close(@PathVariable UUID id, @RequestBody Step s) {
        return steps.close(id, s.rev(), s.reason(), users.require());
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "one of " + List.of(type.getEnumConstants()));
        }
    }
}
