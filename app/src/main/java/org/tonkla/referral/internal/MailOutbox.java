package org.tonkla.referral.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The e-mail outbox ({@code referral_mail}): written in the notification's transaction, so a rolled-back step
 * sends nothing and a committed one is sent even if the SMTP server is down at the time (retried with a growing
 * delay). Several nodes may send: a row is claimed by pushing its next attempt forward with {@code SKIP LOCKED}.
 */
@Component
class MailOutbox {

    /** One message to send: the link and what happened, nothing about the child. */
    record Pending(UUID id, UUID referralId, String kind, String recipient, int attempts) {}

    /** After this many failed attempts a message is given up (it stays in the table with its last error). */
    static final int MAX_ATTEMPTS = 12;

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void enqueue(UUID notification, UUID referral, String kind, Collection<String> recipients, Instant at) {
        for (String to : recipients) {
            jdbc.sql("""
                    INSERT INTO referral_mail (id, notification_id, referral_id, kind, recipient, created_at, next_attempt_at)
                    VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING""")
                    .params(UUID.randomUUID(), notification, referral, kind, to, Timestamp.from(at), Timestamp.from(at))
                    .update();
        }
    }

    /** Claims up to {@code limit} messages due at {@code now}: nobody else picks them for {@code lease}. */
    List<Pending> claim(Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                UPDATE referral_mail SET next_attempt_at = :until
                WHERE id IN (SELECT id FROM referral_mail WHERE sent_at IS NULL AND next_attempt_at <= :now
                               AND attempts < :max ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING id, referral_id, kind, recipient, attempts""")
                .param("until", Timestamp.from(now.plus(lease))).param("now", Timestamp.from(now))
                .param("max", MAX_ATTEMPTS).param("limit", limit)
                .query((rs, i) -> new Pending(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getInt(5)))
                .list();
    }

    void sent(UUID id, Instant at) {
        jdbc.sql("UPDATE referral_mail SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")
                .params(Timestamp.from(at), id).update();
    }

    /** A failed attempt: tried again after 1, 2, 4 … minutes (at most a day). */
    void failed(Pending p, String error, Instant at) {
        long minutes = Math.min(24 * 60, 1L << Math.min(p.attempts(), 11));
        jdbc.sql("UPDATE referral_mail SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?")
                .params(error == null ? "?" : error.substring(0, Math.min(500, error.length())),
                        Timestamp.from(at.plus(Duration.ofMinutes(minutes))), p.id())
                .update();
    }
}
