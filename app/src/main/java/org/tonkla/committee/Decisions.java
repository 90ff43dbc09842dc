package org.tonkla.committee;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.committee.internal.AgendaRows;
import org.tonkla.committee.internal.Membership;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Refused;
import org.tonkla.platform.Validation;

/**
 * What a meeting decides, recorded by the secretary while the agenda is published: minutes per item and for the
 * meeting, tasks for agencies (optionally one of their units) with due dates, and a care plan per child of a case.
 * A task stays open until its agency (or the secretary) marks it done, and comes back on every next agenda.
 */
@Component
public class Decisions {

    /** A decision: what, by which agency (and unit), by when. */
    public record NewTask(String description, String agencyCode, UUID unitId, LocalDate dueOn) {}

    private final AgendaRows agenda;
    private final org.tonkla.committee.internal.CommitteeRows rows;
    private final Membership membership;
    private final Directory directory;
    private final Clock clock;

    Decisions(AgendaRows agenda, org.tonkla.committee.internal.CommitteeRows rows, Membership membership,
            Directory directory, Clock clock) {
        this.agenda = agenda;
        this.rows = rows;
        this.membership = membership;
        this.directory = directory;
        this.clock = clock;
    }

    /** @throws InvalidInput naming {@code minutes} */
    @Transactional
    public void meetingMinutes(UUID committee, UUID meeting, String text, CurrentUser user) {
        Meeting m = membership.meetingToPrepare(committee, meeting, user, Meeting.Status.PUBLISHED);
        new Validation().requiredText("minutes", text, 20_000).throwIfInvalid();
        rows.meetingMinutes(m.id(), text.strip());
    }

    /** @throws InvalidInput naming {@code minutes} */
    @Transactional
    public void itemMinutes(UUID committee, UUID meeting, UUID item, String text, CurrentUser user) {
        var row = publishedItem(committee, meeting, item, user);
        new Validation().requiredText("minutes", text, Validation.MAX_NOTE).throwIfInvalid();
        agenda.minutes(row.id(), text.strip());
    }

    /**
     * Records a decision on an item as a task; a task on a case (or on the follow-up of a child's task) is the
     * child's, and part of the child's care plan with this committee.
     *
     * @throws InvalidInput naming {@code description}, {@code agencyCode}, {@code unitId} (a unit of that agency) or
     *     {@code dueOn} (today or later, within two years)
     */
    @Transactional
    public void decide(UUID committee, UUID meeting, UUID item, NewTask in, CurrentUser user) {
        var row = publishedItem(committee, meeting, item, user);
        LocalDate today = LocalDate.now(clock);
        var unit = in.unitId() == null ? null : directory.serviceUnit(in.unitId()).orElse(null);
        new Validation().requiredText("description", in.description(), Validation.MAX_NOTE)
                .check(in.agencyCode() != null && directory.isAgency(in.agencyCode()), "agencyCode", "an agency's code")
                .check(in.unitId() == null || (unit != null && in.agencyCode() != null
                        && directory.agencyLineage(unit.agencyCode()).contains(in.agencyCode())), "unitId",
                        "a service unit of the agency")
                .date("dueOn", in.dueOn(), today, today.plusYears(2)).throwIfInvalid();
        agenda.insertTask(committee, row.meetingId(), row.id(), row.childId(), row.provinceCode(),
                in.description().strip(), in.agencyCode(), in.unitId(), in.dueOn(), Instant.now(clock));
    }

    /**
     * Marks a task done, by the secretary or a member from the task's agency.
     *
     * @throws Conflict when it was already done
     */
    @Transactional
    public void done(UUID committee, UUID task, String note, CurrentUser user) {
        membership.readable(committee, user);
        var t = agenda.task(task).filter(x -> rows.meeting(x.task().meetingId())
                .map(m -> m.committeeId().equals(committee)).orElse(false)).orElseThrow(() -> new NotFound("task"));
        var me = membership.member(committee, user).orElse(null);
        boolean mine = me != null && (me.position() == Member.Position.SECRETARY
                || t.task().agencyCode().equals(me.agencyCode()));
        if (!mine) throw new Refused("Only the secretary or a member from the task's agency marks it done");
        new Validation().optionalText("note", note, Validation.MAX_NOTE).throwIfInvalid();
        if (!agenda.done(task, note == null || note.isBlank() ? null : note.strip(), Instant.now(clock))) {
            throw new Conflict("committee.task.doneAlready", "The task is already done");
        }
    }

    /** The committee's tasks, open ones only unless {@code all}; for members (and administrators). */
    public List<CommitteeTask> tasks(UUID committee, boolean all, CurrentUser user) {
        membership.readable(committee, user);
        return agenda.tasks(committee, !all).stream().map(AgendaRows.TaskRow::task).toList();
    }

    /**
     * The child's care plan with this committee, made (or revised) at a case conference.
     *
     * @throws InvalidInput naming {@code goals} or {@code reviewOn} (after today, within two years), or {@code item}
     *     when the item is not a child's case
     */
    @Transactional
    public void carePlan(UUID committee, UUID meeting, UUID item, String goals, LocalDate reviewOn, CurrentUser user) {
        var row = publishedItem(committee, meeting, item, user);
        if (row.childId() == null) throw new InvalidInput("item", "a child's case");
        LocalDate today = LocalDate.now(clock);
        new Validation().requiredText("goals", goals, Validation.MAX_NOTE)
                .date("reviewOn", reviewOn, today.plusDays(1), today.plusYears(2)).throwIfInvalid();
        agenda.putPlan(committee, row.childId(), row.provinceCode(), row.meetingId(), goals.strip(), reviewOn,
                Instant.now(clock));
    }

    private AgendaRows.ItemRow publishedItem(UUID committee, UUID meeting, UUID item, CurrentUser user) {
        Meeting m = membership.meetingToPrepare(committee, meeting, user, Meeting.Status.PUBLISHED);
        return agenda.item(item).filter(i -> i.meetingId().equals(m.id()) && !i.proposed())
                .orElseThrow(() -> new NotFound("item"));
    }
}
