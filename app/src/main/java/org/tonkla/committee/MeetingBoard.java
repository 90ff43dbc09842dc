package org.tonkla.committee;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tonkla.committee.internal.AgendaRows;
import org.tonkla.committee.internal.CommitteeRows;
import org.tonkla.committee.internal.Membership;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.Refused;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.ChildId;

/**
 * A meeting as a member sees it: the agenda (and, for the secretary while it is a draft, Tonkla's proposals), the
 * minutes and decisions. Cases are de-identified except on a published agenda, where each child is opened through
 * the registry's kernel for {@code protection}: one entry in the family's access log per child per view.
 */
@Component
public class MeetingBoard {

    /** The declared purpose of a committee's named view; the family sees it as คุ้มครองเด็ก (child protection). */
    public static final String PURPOSE = "protection";

    /** The meeting, its committee, its items in order (proposals last), whether the reader prepares it. */
    public record Board(Committee committee, Meeting meeting, List<AgendaItem> items, boolean secretary) {

        public List<AgendaItem> agenda() {
            return items.stream().filter(i -> !i.proposed()).toList();
        }

        public List<AgendaItem> proposals() {
            return items.stream().filter(AgendaItem::proposed).toList();
        }
    }

    private final Membership membership;
    private final CommitteeRows rows;
    private final AgendaRows agenda;
    private final ChildAccess access;

    MeetingBoard(Membership membership, CommitteeRows rows, AgendaRows agenda, ChildAccess access) {
        this.membership = membership;
        this.rows = rows;
        this.agenda = agenda;
        this.access = access;
    }

    /**
     * The meeting for a member (or an administrator, de-identified); 404 for anyone else. Not one transaction: a
     * refusal of the kernel for one child must not roll back the access-log entries of the others.
     */
    public Board board(UUID committee, UUID meeting, CurrentUser user) {
        Meeting m = membership.meeting(committee, meeting, user);
        Committee c = rows.find(committee).orElseThrow();
        boolean member = membership.member(committee, user).isPresent();
        boolean secretary = membership.isSecretary(committee, user);
        List<AgendaRows.ItemRow> stored = agenda.items(m.id());
        // A draft's proposals are the secretary's work list; other members see the agenda once it is published.
        if (!secretary && m.status() == Meeting.Status.DRAFT) stored = List.of();
        Map<UUID, CommitteeTask> followed = stored.stream().filter(i -> i.taskId() != null)
                .map(i -> agenda.task(i.taskId()).orElseThrow().task())
                .collect(Collectors.toMap(CommitteeTask::id, Function.identity(), (a, b) -> a));
        boolean names = member && m.status() == Meeting.Status.PUBLISHED;
        List<AgendaItem> items = stored.stream().map(i -> item(c, i, followed.get(i.taskId()),
                names && !i.proposed() ? named(i, user) : null)).toList();
        return new Board(c, m, items, secretary);
    }

    private AgendaItem item(Committee c, AgendaRows.ItemRow i, CommitteeTask followed, AgendaItem.Named named) {
        CarePlan plan = named == null ? null : agenda.plan(c.id(), named.childId())
                .map(p -> new CarePlan(p.id(), p.meetingId(), p.goals(), p.reviewOn(),
                        agenda.tasksOfChild(c.id(), named.childId()).stream().map(AgendaRows.TaskRow::task).toList()))
                .orElse(null);
        List<CommitteeTask> decisions = agenda.tasksOfItem(i.id()).stream().map(AgendaRows.TaskRow::task).toList();
        return new AgendaItem(i.id(), i.position(), i.kind(), i.proposed(), i.reasons(), i.needTypes(), i.agencies(),
                i.overdue(), i.ageMonths(), i.title(), followed, i.minutes(), named, decisions, plan);
    }

    /** The child's name through the kernel; none when the kernel says no (the case stays de-identified). */
    private AgendaItem.Named named(AgendaRows.ItemRow i, CurrentUser user) {
        if (i.childId() == null || !user.role().readsChildRecords()) return null;
        try {
            var file = access.open(new ChildId(i.childId()), user, PURPOSE);
            return new AgendaItem.Named(i.childId(), file.child().fullNameTh(), file.child().dateOfBirth());
        } catch (Refused e) {
            return null;
        }
    }
}
