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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.committee.Committee;
import org.tonkla.committee.Meeting;
import org.tonkla.committee.Member;
import org.tonkla.platform.Conflict;

/** The committee tables: committees, their members, their meetings. */
@Component
public class CommitteeRows {

    private final JdbcClient jdbc;

    CommitteeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Committee c, Instant now) {
        try {
            jdbc.sql("INSERT INTO committee (id, kind, district_code, name_th, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(c.id(), c.kind().name(), c.districtCode(), c.nameTh(), Timestamp.from(now)).update();
        } catch (DuplicateKeyException e) {
            throw new Conflict("committee.exists", "The district already has a committee of this kind");
        }
    }

    public Optional<Committee> find(UUID id) {
        return jdbc.sql("SELECT id, kind, district_code, name_th FROM committee WHERE id = ?").param(id)
                .query(CommitteeRows::committee).optional();
    }

    /** The committees the user is a member of; all of them when {@code userId} is null (administrators). */
    public List<Committee> of(UUID userId) {
        return jdbc.sql("""
                SELECT id, kind, district_code, name_th FROM committee c
                 WHERE CAST(:user AS uuid) IS NULL
                    OR EXISTS (SELECT 1 FROM committee_member m WHERE m.committee_id = c.id AND m.user_id = :user)
                 ORDER BY district_code, kind""").param("user", userId).query(CommitteeRows::committee).list();
    }

    private static Committee committee(ResultSet rs, int i) throws SQLException {
        return new Committee(rs.getObject(1, UUID.class), Committee.Kind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4));
    }

    public List<Member> members(UUID committee) {
        return jdbc.sql("""
                SELECT user_id, username, display_name, agency_code, role FROM committee_member
                 WHERE committee_id = ? ORDER BY array_position(ARRAY['CHAIR','SECRETARY','MEMBER'], role), display_name""")
                .param(committee).query(CommitteeRows::member).list();
    }

    public Optional<Member> member(UUID committee, UUID user) {
        return jdbc.sql("SELECT user_id, username, display_name, agency_code, role FROM committee_member"
                + " WHERE committee_id = ? AND user_id = ?").params(committee, user).query(CommitteeRows::member).optional();
    }

    private static Member member(ResultSet rs, int i) throws SQLException {
        return new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                Member.Position.valueOf(rs.getString(5)));
    }

    /** Adds the member or changes their position. */
    public void putMember(UUID committee, Member m, Instant now) {
        try {
            jdbc.sql("""
                    INSERT INTO committee_member (committee_id, user_id, username, display_name, agency_code, role, added_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (committee_id, user_id) DO UPDATE SET role = EXCLUDED.role""")
                    .params(committee, m.userId(), m.username(), m.displayName(), m.agencyCode(), m.position().name(),
                            Timestamp.from(now)).update();
        } catch (DuplicateKeyException e) {
            throw new Conflict("committee.chair.exists", "The committee already has a chair");
        }
    }

    public boolean removeMember(UUID committee, UUID user) {
        return jdbc.sql("DELETE FROM committee_member WHERE committee_id = ? AND user_id = ?").params(committee, user)
                .update() == 1;
    }

    public Meeting insertMeeting(UUID committee, LocalDate heldOn, String place) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO committee_meeting (id, committee_id, number, held_on, place, status)
                    SELECT ?, ?, coalesce(max(number), 0) + 1, ?, ?, 'DRAFT' FROM committee_meeting WHERE committee_id = ?""")
                    .params(id, committee, Date.valueOf(heldOn), place, committee).update();
        } catch (DuplicateKeyException e) {
            throw Conflict.changedMeanwhile("meeting");
        }
        return meeting(id).orElseThrow();
    }

    public Optional<Meeting> meeting(UUID id) {
        return jdbc.sql("SELECT id, committee_id, number, held_on, place, status, minutes, revision FROM committee_meeting"
                + " WHERE id = ?").param(id).query(CommitteeRows::meeting).optional();
    }

    public List<Meeting> meetings(UUID committee) {
        return jdbc.sql("SELECT id, committee_id, number, held_on, place, status, minutes, revision FROM committee_meeting"
                + " WHERE committee_id = ? ORDER BY number DESC").param(committee).query(CommitteeRows::meeting).list();
    }

    /** The meeting before this one (by number), if any. */
    public Optional<Meeting> previous(Meeting m) {
        return jdbc.sql("SELECT id, committee_id, number, held_on, place, status, minutes, revision FROM committee_meeting"
                + " WHERE committee_id = ? AND number < ? ORDER BY number DESC LIMIT 1").params(m.committeeId(), m.number())
                .query(CommitteeRows::meeting).optional();
    }

    private static Meeting meeting(ResultSet rs, int i) throws SQLException {
        return new Meeting(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                rs.getDate(4).toLocalDate(), rs.getString(5), Meeting.Status.valueOf(rs.getString(6)), rs.getString(7),
                rs.getInt(8));
    }

    /** Compare-and-set: moves the meeting from {@code from} to {@code to}; false when someone else moved it first. */
    public boolean changeStatus(UUID meeting, Meeting.Status from, Meeting.Status to, Instant now) {
        String stamp = to == Meeting.Status.PUBLISHED ? "published_at" : "closed_at";
        return jdbc.sql("UPDATE committee_meeting SET status = ?, " + stamp + " = ?, revision = revision + 1"
                + " WHERE id = ? AND status = ?").params(to.name(), Timestamp.from(now), meeting, from.name()).update() == 1;
    }

    public void meetingMinutes(UUID meeting, String text) {
        jdbc.sql("UPDATE committee_meeting SET minutes = ?, revision = revision + 1 WHERE id = ?").params(text, meeting)
                .update();
    }
}
