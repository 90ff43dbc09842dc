package org.tonkla.committee.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.committee.AgendaItem;
import org.tonkla.committee.CommitteeTask;

/** The agenda items, tasks and care plans of the committees. */
@Component
public class AgendaRows {

    /** An agenda item as stored; the child id stays here, readers get a de-identified or a named view. */
    public record ItemRow(UUID id, UUID meetingId, int position, AgendaItem.Kind kind, boolean proposed, UUID childId,
            String provinceCode, UUID taskId, String title, List<String> reasons, List<String> needTypes,
            List<String> agencies, int overdue, Integer ageMonths, String minutes) {}

    /** A new item; {@code position} is given by the store (last). */
    public record NewItem(AgendaItem.Kind kind, boolean proposed, UUID childId, String provinceCode, UUID taskId,
            String title, List<String> reasons, List<String> needTypes, List<String> agencies, int overdue,
            Integer ageMonths) {}

    /** A stored task with its child (for follow-up proposals and care plans). */
    public record TaskRow(CommitteeTask task, UUID childId, String provinceCode) {}

    /** A stored care plan. */
    public record PlanRow(UUID id, UUID meetingId, String goals, LocalDate reviewOn) {}

    private static final String ITEM = """
            SELECT id, meeting_id, position, kind, proposed, child_id, province_code, task_id, title, reasons, need_types,
                   agencies, overdue, age_months, minutes FROM committee_agenda_item""";
    private static final String TASK = """
            SELECT t.id, t.meeting_id, m.number, t.child_id, t.description, t.agency_code, t.unit_id, t.due_on, t.status,
                   t.done_note, t.province_code FROM committee_task t JOIN committee_meeting m ON m.id = t.meeting_id""";

    private final JdbcClient jdbc;

    AgendaRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Accepted items in their order, then the proposals. */
    public List<ItemRow> items(UUID meeting) {
        return jdbc.sql(ITEM + " WHERE meeting_id = ? ORDER BY proposed, position").param(meeting)
                .query(AgendaRows::item).list();
    }

    public Optional<ItemRow> item(UUID id) {
        return jdbc.sql(ITEM + " WHERE id = ?").param(id).query(AgendaRows::item).optional();
    }

    private static ItemRow item(ResultSet rs, int i) throws SQLException {
        return new ItemRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                AgendaItem.Kind.valueOf(rs.getString(4)), rs.getBoolean(5), rs.getObject(6, UUID.class), rs.getString(7),
                rs.getObject(8, UUID.class), rs.getString(9), strings(rs, 10), strings(rs, 11), strings(rs, 12),
                rs.getInt(13), (Integer) rs.getObject(14), rs.getString(15));
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        return List.of((String[]) rs.getArray(column).getArray());
    }

    /** Adds the item last; nothing when the child's case or the task's follow-up is already there (false). */
    public boolean insert(UUID meeting, NewItem n) {
        return jdbc.sql("""
                INSERT INTO committee_agenda_item (id, meeting_id, position, kind, proposed, child_id, province_code, task_id,
                    title, reasons, need_types, agencies, overdue, age_months)
                SELECT :id, :meeting, coalesce(max(position), 0) + 1, :kind, :proposed, :child, :province, :task, :title,
                       :reasons, :needs, :agencies, :overdue, :age
                  FROM committee_agenda_item WHERE meeting_id = :meeting
                ON CONFLICT DO NOTHING""")
                .param("id", UUID.randomUUID()).param("meeting", meeting).param("kind", n.kind().name())
                .param("proposed", n.proposed()).param("child", n.childId()).param("province", n.provinceCode())
                .param("task", n.taskId()).param("title", n.title()).param("reasons", n.reasons().toArray(String[]::new))
                .param("needs", n.needTypes().toArray(String[]::new)).param("agencies", n.agencies().toArray(String[]::new))
                .param("overdue", n.overdue()).param("age", n.ageMonths()).update() == 1;
    }

    /** Accepting a proposal puts it last on the agenda. */
    public boolean accept(UUID item) {
        return jdbc.sql("""
                UPDATE committee_agenda_item i SET proposed = false,
                       position = (SELECT coalesce(max(position), 0) + 1 FROM committee_agenda_item
                                    WHERE meeting_id = i.meeting_id AND NOT proposed)
                 WHERE id = ? AND proposed""").param(item).update() == 1;
    }

    public void delete(UUID item) {
        jdbc.sql("DELETE FROM committee_agenda_item WHERE id = ?").param(item).update();
    }

    /** Published agendas keep only what the secretary accepted. */
    public void deleteProposals(UUID meeting) {
        jdbc.sql("DELETE FROM committee_agenda_item WHERE meeting_id = ? AND proposed").param(meeting).update();
    }

    /** Swaps the item with its accepted neighbour above ({@code up}) or below; nothing at either end. */
    public void move(ItemRow item, boolean up) {
        jdbc.sql("SELECT id, position FROM committee_agenda_item WHERE meeting_id = ? AND NOT proposed AND position "
                        + (up ? "< ? ORDER BY position DESC" : "> ? ORDER BY position") + " LIMIT 1")
                .params(item.meetingId(), item.position())
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getInt(2)}).optional()
                .ifPresent(other -> {
                    jdbc.sql("UPDATE committee_agenda_item SET position = ? WHERE id = ?").params(other[1], item.id()).update();
                    jdbc.sql("UPDATE committee_agenda_item SET position = ? WHERE id = ?").params(item.position(), other[0])
                            .update();
                });
    }

    public void minutes(UUID item, String text) {
        jdbc.sql("UPDATE committee_agenda_item SET minutes = ? WHERE id = ?").params(text, item).update();
    }

    // --- tasks

    public void insertTask(UUID committee, UUID meeting, UUID item, UUID child, String province, String description,
            String agency, UUID unit, LocalDate dueOn, Instant now) {
        jdbc.sql("""
                INSERT INTO committee_task (id, committee_id, meeting_id, item_id, child_id, province_code, description,
                    agency_code, unit_id, due_on, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(UUID.randomUUID(), committee, meeting, item, child, province, description, agency, unit,
                        Date.valueOf(dueOn), Timestamp.from(now)).update();
    }

    public List<TaskRow> tasksOfItem(UUID item) {
        return jdbc.sql(TASK + " WHERE t.item_id = ? ORDER BY t.created_at").param(item).query(AgendaRows::task).list();
    }

    /** Open tasks decided before {@code meeting}'s number: what the next meeting follows up. */
    public List<TaskRow> openBefore(UUID committee, int meetingNumber) {
        return jdbc.sql(TASK + " WHERE t.committee_id = ? AND t.status = 'OPEN' AND m.number < ? ORDER BY t.due_on, t.id")
                .params(committee, meetingNumber).query(AgendaRows::task).list();
    }

    public List<TaskRow> tasks(UUID committee, boolean openOnly) {
        return jdbc.sql(TASK + " WHERE t.committee_id = ? AND (t.status = 'OPEN' OR NOT ?) ORDER BY t.due_on, t.id")
                .params(committee, openOnly).query(AgendaRows::task).list();
    }

    public List<TaskRow> tasksOfChild(UUID committee, UUID child) {
        return jdbc.sql(TASK + " WHERE t.committee_id = ? AND t.child_id = ? ORDER BY t.due_on, t.id")
                .params(committee, child).query(AgendaRows::task).list();
    }

    public Optional<TaskRow> task(UUID id) {
        return jdbc.sql(TASK + " WHERE t.id = ?").param(id).query(AgendaRows::task).optional();
    }

    private static TaskRow task(ResultSet rs, int i) throws SQLException {
        UUID child = rs.getObject(4, UUID.class);
        return new TaskRow(new CommitteeTask(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                child != null, rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class), rs.getDate(8).toLocalDate(),
                rs.getString(9).equals("DONE"), rs.getString(10)), child, rs.getString(11));
    }

    /** Compare-and-set: false when the task was already done. */
    public boolean done(UUID task, String note, Instant now) {
        return jdbc.sql("UPDATE committee_task SET status = 'DONE', done_at = ?, done_note = ? WHERE id = ? AND status = 'OPEN'")
                .params(Timestamp.from(now), note, task).update() == 1;
    }

    // --- care plans

    public void putPlan(UUID committee, UUID child, String province, UUID meeting, String goals, LocalDate reviewOn,
            Instant now) {
        jdbc.sql("""
                INSERT INTO committee_care_plan (id, committee_id, child_id, province_code, meeting_id, goals, review_on, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (committee_id, child_id) DO UPDATE
                   SET meeting_id = EXCLUDED.meeting_id, goals = EXCLUDED.goals, review_on = EXCLUDED.review_on,
                       updated_at = EXCLUDED.updated_at""")
                .params(UUID.randomUUID(), committee, child, province, meeting, goals, Date.valueOf(reviewOn),
                        Timestamp.from(now)).update();
    }

    public Optional<PlanRow> plan(UUID committee, UUID child) {
        return jdbc.sql("SELECT id, meeting_id, goals, review_on FROM committee_care_plan WHERE committee_id = ? AND child_id = ?")
                .params(committee, child)
                .query((rs, i) -> new PlanRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getDate(4).toLocalDate())).optional();
    }

    /** Whether the user is a member of a committee that has the child on the accepted agenda of a published meeting. */
    public boolean onPublishedAgendaOf(UUID user, UUID child) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM committee_agenda_item i
                  JOIN committee_meeting m ON m.id = i.meeting_id AND m.status = 'PUBLISHED'
                  JOIN committee_member cm ON cm.committee_id = m.committee_id AND cm.user_id = ?
                 WHERE i.child_id = ? AND NOT i.proposed)""").params(user, child).query(Boolean.class).single();
    }
}
