package org.tonkla.recordbook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.core.development.DspmSchedule;
import org.tonkla.core.development.DspmScreening;
import org.tonkla.core.development.ScreeningDue;
import org.tonkla.core.immunization.GivenDose;
import org.tonkla.identity.CurrentUser;
import org.tonkla.recordbook.internal.EntryRows;
import org.tonkla.registry.Child;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.ChildSearch;
import org.tonkla.registry.RosterEntry;

/**
 * What a unit must do this month for the children on its roster: DSPM screenings due, re-checks,
 * overdue screenings and vaccines, children not measured for three months. The roster comes from the
 * registry (scope-checked, every child logged for {@code worklist}); four queries whatever its size.
 */
@Component
public class WorkLists {

    private final JdbcClient jdbc;
    private final ChildSearch children;
    private final Growth growth;

    WorkLists(JdbcClient jdbc, ChildSearch children, Growth growth) {
        this.jdbc = jdbc;
        this.children = children;
        this.growth = growth;
    }

    @Transactional
    public List<WorkItem> workList(UUID unitId, CurrentUser user, LocalDate today) {
        List<RosterEntry> roster = children.roster(unitId, null, user, "worklist");
        var ids = roster.stream().map(e -> e.child().id()).toList();
        var screenings = screeningsOf(ids);
        var doses = dosesOf(ids);
        var latest = growth.latestOf(roster);
        LocalDate endOfMonth = today.withDayOfMonth(today.lengthOfMonth());
        List<WorkItem> items = new ArrayList<>();
        for (var entry : roster) {
            Child c = entry.child();
            String cls = entry.className();
            var history = screenings.getOrDefault(c.id(), List.of());
            DspmSchedule.NATIONAL.nextDue(c.dateOfBirth(), today, history).ifPresent(due -> {
                String age = String.valueOf(due.age().months());
                if (due.isOverdue(today)) {
                    items.add(new WorkItem(WorkItem.Kind.DSPM_OVERDUE, c, cls, age, due.by(), null));
                } else if (!due.from().isAfter(endOfMonth)) {
                    items.add(new WorkItem(due.reason() == ScreeningDue.Reason.RECHECK ? WorkItem.Kind.DSPM_RECHECK
                            : WorkItem.Kind.DSPM_DUE, c, cls, age, due.by(), null));
                }
            });
            var overdue = RecordBook.SCHEDULE.statusOf(c.dateOfBirth(), today, doses.getOrDefault(c.id(), List.of()))
                    .overdue();
            if (!overdue.isEmpty()) {
                // Due since the earliest of the overdue doses, so the list says how long it has waited.
                LocalDate since = overdue.stream().map(d -> d.dueOn()).filter(java.util.Objects::nonNull)
                        .min(Comparator.naturalOrder()).orElse(null);
                items.add(new WorkItem(WorkItem.Kind.VACCINE_OVERDUE, c, cls,
                        String.join(", ", overdue.stream().map(d -> d.dose().labelEn()).toList()), since, null));
            }
            Measurement last = latest.get(c.id());
            if (last == null || last.measuredOn().isBefore(today.minusMonths(3))) {
                items.add(new WorkItem(WorkItem.Kind.NO_MEASUREMENT, c, cls, null, null,
                        last == null ? null : last.measuredOn()));
            }
        }
        items.sort(Comparator.comparing(WorkItem::kind)
                .thenComparing(i -> i.dueBy() == null ? LocalDate.MAX : i.dueBy())
                .thenComparing(i -> i.child().givenNameTh()));
        return items;
    }

    private Map<ChildId, List<DspmScreening>> screeningsOf(List<ChildId> ids) {
        var result = new HashMap<ChildId, List<DspmScreening>>();
        if (ids.isEmpty()) return result;
        jdbc.sql("""
                SELECT child_id, screened_on, gm, fm, rl, el, ps FROM dspm_screening
                WHERE child_id IN (:ids) AND superseded_by IS NULL ORDER BY screened_on, recorded_at""")
                .param("ids", ids.stream().map(ChildId::value).toList())
                .query((rs, i) -> result.computeIfAbsent(new ChildId(rs.getObject(1, UUID.class)), k -> new ArrayList<>())
                        .add(DspmScreening.of(rs.getDate(2).toLocalDate(), EntryRows.domains(rs))))
                .list();
        return result;
    }

    private Map<ChildId, List<GivenDose>> dosesOf(List<ChildId> ids) {
        var result = new HashMap<ChildId, List<GivenDose>>();
        if (ids.isEmpty()) return result;
        jdbc.sql("SELECT child_id, vaccine_code, given_on FROM immunization WHERE child_id IN (:ids) AND superseded_by IS NULL")
                .param("ids", ids.stream().map(ChildId::value).toList())
                .query((rs, i) -> result.computeIfAbsent(new ChildId(rs.getObject(1, UUID.class)), k -> new ArrayList<>())
                        .add(new GivenDose(rs.getString(2), rs.getDate(3).toLocalDate())))
                .list();
        return result;
    }
}
