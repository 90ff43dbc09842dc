package org.tonkla.committee;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.committee.internal.AgendaRows;
import org.tonkla.committee.internal.CommitteeRows;
import org.tonkla.committee.internal.Membership;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Validation;
import org.tonkla.referral.AreaCaseload;

/**
 * The secretary prepares a meeting: Tonkla proposes the cases (children of the district whose referrals will be
 * overdue on the meeting day, or whose open referrals go to several agencies) and the follow-up of every task still
 * open from earlier meetings, and what other modules bring ({@link CaseSource}); the secretary accepts or removes them, orders the agenda, adds free items and
 * publishes it, which is when members see whom the cases are about.
 */
@Component
public class Agendas {

    private final CommitteeRows rows;
    private final AgendaRows agenda;
    private final Membership membership;
    private final AreaCaseload caseload;
    private final List<CaseSource> sources;
    private final Clock clock;

    Agendas(CommitteeRows rows, AgendaRows agenda, Membership membership, AreaCaseload caseload,
            List<CaseSource> sources, Clock clock) {
        this.sources = sources;
        this.rows = rows;
        this.agenda = agenda;
        this.membership = membership;
        this.caseload = caseload;
        this.clock = clock;
    }

    /**
     * A new meeting, numbered after the last, with Tonkla's proposals already made.
     *
     * @throws org.tonkla.platform.InvalidInput naming {@code heldOn} (within a year either side of today) or {@code place}
     */
    @Transactional
    public Meeting create(UUID committee, LocalDate heldOn, String place, CurrentUser user) {
        membership.requireSecretary(committee, user);
        LocalDate today = LocalDate.now(clock);
        new Validation().date("heldOn", heldOn, today.minusYears(1), today.plusYears(1))
                .requiredText("place", place, Validation.MAX_TEXT).throwIfInvalid();
        Meeting m = rows.insertMeeting(committee, heldOn, place.strip());
        propose(m);
        return m;
    }

    /** Proposes again (new overdue referrals, new open tasks); what is already there, accepted or not, stays. */
    @Transactional
    public int propose(UUID committee, UUID meeting, CurrentUser user) {
        return propose(membership.meetingToPrepare(committee, meeting, user, Meeting.Status.DRAFT));
    }

    private int propose(Meeting m) {
        Committee c = rows.find(m.committeeId()).orElseThrow();
        int added = 0;
        for (AreaCaseload.OpenCase k : caseload.stuck(c.districtCode(), m.heldOn())) {
            List<String> reasons = new ArrayList<>();
            if (k.overdue() > 0) reasons.add("OVERDUE");
            if (k.spansAgencies()) reasons.add("MULTI_AGENCY");
            int age = (int) Period.between(k.birthDate(), m.heldOn()).toTotalMonths();
            if (agenda.insert(m.id(), new AgendaRows.NewItem(AgendaItem.Kind.CASE, true, k.childId(), k.provinceCode(),
                    null, null, reasons, k.needTypes(), k.agencies(), k.overdue(), age))) {
                added++;
            }
        }
        for (CaseSource source : sources) {
            if (!source.proposesTo(c.kind())) continue;
            for (CaseSource.ProposedCase k : source.casesFor(c.districtCode(), m.heldOn())) {
                Integer age = k.birthDate() == null ? null
                        : (int) Period.between(k.birthDate(), m.heldOn()).toTotalMonths();
                if (agenda.insert(m.id(), new AgendaRows.NewItem(AgendaItem.Kind.CASE, true, k.childId(),
                        k.provinceCode(), null, null, List.of(k.reason()), List.of(), k.agencies(), 0, age))) {
                    added++;
                }
            }
        }
        for (AgendaRows.TaskRow t : agenda.openBefore(c.id(), m.number())) {
            List<String> reasons = t.task().dueOn().isBefore(m.heldOn()) ? List.of("TASK_OVERDUE") : List.of();
            if (agenda.insert(m.id(), new AgendaRows.NewItem(AgendaItem.Kind.FOLLOW_UP, true, t.childId(),
                    t.provinceCode(), t.task().id(), null, reasons, List.of(), List.of(t.task().agencyCode()), 0, null))) {
                added++;
            }
        }
        return added;
    }

    /** Puts a proposal on the agenda, last. */
    @Transactional
    public void accept(UUID committee, UUID meeting, UUID item, CurrentUser user) {
        draftItem(committee, meeting, item, user);
        if (!agenda.accept(item)) throw new Conflict("committee.item.accepted", "Already on the agenda");
    }

    /** Takes a case, follow-up or free item off the agenda (or dismisses a proposal). */
    @Transactional
    public void remove(UUID committee, UUID meeting, UUID item, CurrentUser user) {
        draftItem(committee, meeting, item, user);
        agenda.delete(item);
    }

    /** Moves an accepted item one place up or down. */
    @Transactional
    public void move(UUID committee, UUID meeting, UUID item, boolean up, CurrentUser user) {
        var row = draftItem(committee, meeting, item, user);
        if (!row.proposed()) agenda.move(row, up);
    }

    /**
     * Adds a free item (a report, a budget, any other business), last on the agenda.
     *
     * @throws org.tonkla.platform.InvalidInput naming {@code title}
     */
    @Transactional
    public void addItem(UUID committee, UUID meeting, String title, CurrentUser user) {
        Meeting m = membership.meetingToPrepare(committee, meeting, user, Meeting.Status.DRAFT);
        new Validation().requiredText("title", title, Validation.MAX_NOTE).throwIfInvalid();
        agenda.insert(m.id(), new AgendaRows.NewItem(AgendaItem.Kind.OTHER, false, null, null, null, title.strip(),
                List.of(), List.of(), List.of(), 0, null));
    }

    /** Publishes the agenda to the members: proposals not accepted are dropped; 409 when it was published meanwhile. */
    @Transactional
    public void publish(UUID committee, UUID meeting, CurrentUser user) {
        Meeting m = membership.meetingToPrepare(committee, meeting, user, Meeting.Status.DRAFT);
        agenda.deleteProposals(m.id());
        if (!rows.changeStatus(m.id(), Meeting.Status.DRAFT, Meeting.Status.PUBLISHED, Instant.now(clock))) {
            throw Conflict.changedMeanwhile("meeting");
        }
    }

    /** Closes the meeting once its minutes are final: cases are no longer named to members. */
    @Transactional
    public void close(UUID committee, UUID meeting, CurrentUser user) {
        Meeting m = membership.meetingToPrepare(committee, meeting, user, Meeting.Status.PUBLISHED);
        if (!rows.changeStatus(m.id(), Meeting.Status.PUBLISHED, Meeting.Status.CLOSED, Instant.now(clock))) {
            throw Conflict.changedMeanwhile("meeting");
        }
    }

    private AgendaRows.ItemRow draftItem(UUID committee, UUID meeting, UUID item, CurrentUser user) {
        Meeting m = membership.meetingToPrepare(committee, meeting, user, Meeting.Status.DRAFT);
        return agenda.item(item).filter(i -> i.meetingId().equals(m.id())).orElseThrow(() -> new NotFound("item"));
    }
}
