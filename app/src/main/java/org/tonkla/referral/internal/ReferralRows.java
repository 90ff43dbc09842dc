package org.tonkla.referral.internal;

import java.sql.Array;
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
import org.tonkla.referral.LegalBasis;
import org.tonkla.referral.Referral;
import org.tonkla.referral.ReferralEvent;
import org.tonkla.referral.ReferralOutcome;
import org.tonkla.referral.ReferralStatus;

/** The referral module's SQL: slips, their events and notifications. Only this module reads these tables. */
@Component
public class ReferralRows {

    public static final String COLUMNS = """
            id, child_id, child_name, child_birth_date, need_type, need_key, need_detail, reason, from_unit, to_unit,
            status, revision, created_by_name, created_at, updated_at, due_on, legal_basis, legal_reason, review_needed,
            reviewed_at, decline_reason, redirected_from, redirected_to, outcome, outcome_note, closed_reason,
            escalated_at, province_code""";

    /** What a new slip holds. */
    public record NewSlip(UUID id, UUID childId, String provinceCode, String childName, LocalDate childBirthDate,
            String needType, String needKey, String needDetail, String reason, UUID fromUnit, UUID toUnit,
            String toAreaCode, List<String> toAgencies, UUID createdBy, String createdByName, Instant at, LocalDate dueOn,
            LegalBasis basis, String legalReason, UUID redirectedFrom) {}

    private final JdbcClient jdbc;

    ReferralRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(NewSlip s) {
        jdbc.sql("""
                INSERT INTO referral (id, child_id, province_code, child_name, child_birth_date, need_type, need_key,
                    need_detail, reason, from_unit, to_unit, to_area_code, to_agencies, status, revision, created_by,
                    created_by_name, created_at, updated_at, due_on, legal_basis, legal_reason, review_needed, redirected_from)
                VALUES (:id, :child, :province, :name, :dob, :type, :needKey, :needDetail, :reason, :from, :to, :area,
                    CAST(:agencies AS text[]), 'CREATED', 0, :by, :byName, :at, :at, :due, :basis, :legalReason,
                    :review, :redirectedFrom)""")
                .param("id", s.id()).param("child", s.childId()).param("province", s.provinceCode())
                .param("name", s.childName()).param("dob", Date.valueOf(s.childBirthDate())).param("type", s.needType())
                .param("needKey", s.needKey()).param("needDetail", s.needDetail()).param("reason", s.reason())
                .param("from", s.fromUnit()).param("to", s.toUnit()).param("area", s.toAreaCode())
                .param("agencies", s.toAgencies().toArray(String[]::new)).param("by", s.createdBy())
                .param("byName", s.createdByName()).param("at", Timestamp.from(s.at())).param("due", Date.valueOf(s.dueOn()))
                .param("basis", s.basis().name()).param("legalReason", s.legalReason())
                .param("review", s.basis().needsReview()).param("redirectedFrom", s.redirectedFrom())
                .update();
    }

    public Optional<Referral> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM referral WHERE id = ?").param(id).query(ReferralRows::referral).optional();
    }

    /**
     * Compare-and-set of a status change: {@code set} is the SQL assignments beyond status and revision (may be
     * empty), with {@code :p0}, {@code :p1} … as parameters. True when this call won.
     */
    public boolean change(UUID id, ReferralStatus from, int revision, ReferralStatus to, Instant at, String set,
            Object... params) {
        var spec = jdbc.sql("UPDATE referral SET status = :to, revision = revision + 1, updated_at = :at"
                + (set.isEmpty() ? "" : ", " + set) + " WHERE id = :id AND status = :from AND revision = :rev")
                .param("to", to.name()).param("at", Timestamp.from(at)).param("id", id).param("from", from.name())
                .param("rev", revision);
        for (int i = 0; i < params.length; i++) spec = spec.param("p" + i, params[i]);
        return spec.update() == 1;
    }

    public void event(UUID referral, Instant at, String kind, ReferralStatus status, UUID user, String name, UUID unit,
            String note, Instant appointment) {
        jdbc.sql("""
                INSERT INTO referral_event (id, referral_id, occurred_at, kind, status, user_id, display_name, unit_id,
                    note, appointment_at) VALUES (?,?,?,?,?,?,?,?,?,?)""")
                .params(UUID.randomUUID(), referral, Timestamp.from(at), kind, status.name(), user, name, unit, note,
                        appointment == null ? null : Timestamp.from(appointment))
                .update();
    }

    public List<String> agencies(UUID id) {
        return jdbc.sql("SELECT to_agencies FROM referral WHERE id = ?").param(id)
                .query((rs, i) -> strings(rs.getArray(1))).optional().orElse(List.of());
    }

    public List<ReferralEvent> events(UUID referral) {
        return jdbc.sql("""
                SELECT occurred_at, kind, status, display_name, unit_id, note, appointment_at FROM referral_event
                WHERE referral_id = ? ORDER BY occurred_at, id""").param(referral)
                .query((rs, i) -> new ReferralEvent(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        ReferralStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, UUID.class),
                        rs.getString(6), instant(rs.getTimestamp(7))))
                .list();
    }

    public static Referral referral(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Referral(rs.getObject("id", UUID.class), rs.getObject("child_id", UUID.class), rs.getString("child_name"),
                rs.getDate("child_birth_date").toLocalDate(), rs.getString("need_type"), rs.getString("need_key"),
                rs.getString("need_detail"), rs.getString("reason"), rs.getObject("from_unit", UUID.class),
                rs.getObject("to_unit", UUID.class), ReferralStatus.valueOf(rs.getString("status")), rs.getInt("revision"),
                rs.getString("created_by_name"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getDate("due_on").toLocalDate(),
                LegalBasis.valueOf(rs.getString("legal_basis")), rs.getString("legal_reason"), rs.getBoolean("review_needed"),
                instant(rs.getTimestamp("reviewed_at")), rs.getString("decline_reason"),
                rs.getObject("redirected_from", UUID.class), rs.getObject("redirected_to", UUID.class),
                outcome == null ? null : ReferralOutcome.valueOf(outcome), rs.getString("outcome_note"),
                rs.getString("closed_reason"), instant(rs.getTimestamp("escalated_at")), rs.getString("province_code"));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }
}
