package org.tonkla.referral.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.referral.Box;
import org.tonkla.referral.Referral;
import org.tonkla.referral.ReferralStatus;

/** Work queues, counts, escalation candidates, the review list and notifications. */
@Component
public class ReferralQueries {

    private static final String OPEN = "('CREATED','RECEIVED','ACCEPTED','IN_SERVICE')";

    /** One in-app notification: a link to a referral and what happened (a message key), nothing about the child. */
    public record Notice(UUID id, UUID referralId, Instant createdAt, String kind) {}

    private final JdbcClient jdbc;
    private final ReferralMailer mailer;

    ReferralQueries(JdbcClient jdbc, ReferralMailer mailer) {
        this.jdbc = jdbc;
        this.mailer = mailer;
    }

    /** A unit's queue, newest first; {@code status} narrows it when given. */
    public List<Referral> queue(UUID unit, Box box, ReferralStatus status, LocalDate today, int limit) {
        String where = switch (box) {
            case INCOMING -> "to_unit = :unit";
            case OUTGOING -> "from_unit = :unit";
            case OVERDUE -> "(to_unit = :unit OR from_unit = :unit) AND status IN " + OPEN + " AND due_on < :today";
        };
        return jdbc.sql("SELECT " + ReferralRows.COLUMNS + " FROM referral WHERE " + where
                        + (status == null ? "" : " AND status = :status") + " ORDER BY created_at DESC LIMIT :limit")
                .param("unit", unit).param("today", Date.valueOf(today)).param("limit", limit)
                .param("status", status == null ? "" : status.name())
                .query(ReferralRows::referral).list();
    }

    /** Counts per box: incoming still open, outgoing still open, overdue. */
    public Map<Box, Integer> counts(UUID unit, LocalDate today) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE to_unit = :unit),
                       count(*) FILTER (WHERE from_unit = :unit),
                       count(*) FILTER (WHERE due_on < :today)
                FROM referral WHERE (to_unit = :unit OR from_unit = :unit) AND status IN """ + OPEN)
                .param("unit", unit).param("today", Date.valueOf(today))
                .query((rs, i) -> Map.of(Box.INCOMING, rs.getInt(1), Box.OUTGOING, rs.getInt(2), Box.OVERDUE, rs.getInt(3)))
                .single();
    }

    /** Escalated referrals still open whose receiving unit lies in {@code area} and belongs to {@code agency} or below. */
    public List<Referral> escalated(String area, String agency, int limit) {
        return jdbc.sql("SELECT " + ReferralRows.COLUMNS + " FROM referral WHERE escalated_at IS NOT NULL AND status IN "
                        + OPEN + " AND to_area_code LIKE :area || '%' AND :agency = ANY (to_agencies)"
                        + " ORDER BY due_on LIMIT :limit")
                .param("area", area).param("agency", agency).param("limit", limit)
                .query(ReferralRows::referral).list();
    }

    /** Open referrals past their due date and not yet escalated, oldest due first. */
    public List<Referral> dueForEscalation(LocalDate today, int limit) {
        return jdbc.sql("SELECT " + ReferralRows.COLUMNS + " FROM referral WHERE escalated_at IS NULL AND status IN "
                        + OPEN + " AND due_on < :today ORDER BY due_on LIMIT :limit")
                .param("today", Date.valueOf(today)).param("limit", limit).query(ReferralRows::referral).list();
    }

    /** Marks a referral escalated; false when another node did it first. */
    public boolean markEscalated(UUID id, Instant at) {
        return jdbc.sql("UPDATE referral SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL")
                .params(Timestamp.from(at), id).update() == 1;
    }

    public String districtOf(UUID referral) {
        return jdbc.sql("SELECT to_area_code FROM referral WHERE id = ?").param(referral).query(String.class).single();
    }

    public List<String> agenciesOf(UUID referral) {
        return jdbc.sql("SELECT to_agencies FROM referral WHERE id = ?").param(referral)
                .query((rs, i) -> ReferralRows.strings(rs.getArray(1))).single();
    }

    /** Referrals made on a legal basis (not consent) waiting for review, in an area. */
    public List<Referral> reviewList(String provincePrefix, int limit) {
        return jdbc.sql("SELECT " + ReferralRows.COLUMNS + " FROM referral WHERE review_needed AND reviewed_at IS NULL"
                        + " AND province_code LIKE :p || '%' ORDER BY created_at LIMIT :limit")
                .param("p", provincePrefix).param("limit", limit).query(ReferralRows::referral).list();
    }

    public List<Referral> ofChild(UUID child) {
        return jdbc.sql("SELECT " + ReferralRows.COLUMNS + " FROM referral WHERE child_id = ? ORDER BY created_at DESC")
                .param(child).query(ReferralRows::referral).list();
    }

    /** An in-app notification to a unit, and its e-mail to the unit's accounts when e-mail is on. */
    public void notifyUnit(UUID referral, UUID unit, String kind, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO referral_notification (id, referral_id, created_at, kind, recipient_unit) VALUES (?,?,?,?,?)")
                .params(id, referral, Timestamp.from(at), kind, unit).update();
        mailer.toUnit(id, referral, kind, unit, at);
    }

    /** A notification to the supervisors of an area and agency (escalations), and its e-mail to them. */
    public void notifyArea(UUID referral, String area, List<String> agencies, String kind, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO referral_notification (id, referral_id, created_at, kind, recipient_area, recipient_agencies)
                VALUES (?,?,?,?,?, CAST(? AS text[]))""")
                .params(id, referral, Timestamp.from(at), kind, area, agencies.toArray(String[]::new)).update();
        mailer.toSupervisors(id, referral, kind, area, agencies, at);
    }

    /** Notices for a unit, or for supervisors of an area (its code is a prefix of the recipient's) and agency. */
    public List<Notice> notices(UUID unit, String area, String agency, int limit) {
        return jdbc.sql("""
                SELECT id, referral_id, created_at, kind FROM referral_notification
                WHERE recipient_unit = :unit
                   OR (:area <> '' AND recipient_area LIKE :area || '%' AND :agency = ANY (recipient_agencies))
                ORDER BY created_at DESC LIMIT :limit""")
                .param("unit", unit).param("area", area == null ? "" : area).param("agency", agency == null ? "" : agency)
                .param("limit", limit)
                .query((rs, i) -> new Notice(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .list();
    }
}
