package org.tonkla.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only record of who changed what, when and from where. Modules call {@link #record}
 * after each change; the table refuses updates and deletes (see V1__platform.sql).
 * Summaries must not carry personal identifiers: name the entity by its id.
 */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a change by the current user (or {@code system} outside a request). */
    public void record(String action, String entityType, String entityId, String summary) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth != null && auth.isAuthenticated() ? auth.getName() : "system";
        recordAs(actor, action, entityType, entityId, summary);
    }

    /** Records a change by a named actor, e.g. a user who is not yet logged in. */
    public void recordAs(String actor, String action, String entityType, String entityId, String summary) {
        jdbc.sql("""
                INSERT INTO audit_event (id, occurred_at, actor, action, entity_type, entity_id, summary, remote_addr)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), java.sql.Timestamp.from(Instant.now(clock)), actor, action,
                        entityType, entityId, summary, remoteAddress())
                .update();
    }

    /** The newest events first, optionally only those of one actor or entity type. */
    public List<AuditEvent> recent(String actor, String entityType, int limit) {
        return jdbc.sql("""
                SELECT id, occurred_at, actor, action, entity_type, entity_id, summary, remote_addr
                FROM audit_event
                WHERE (CAST(:actor AS text) IS NULL OR actor = :actor)
                  AND (CAST(:type AS text) IS NULL OR entity_type = :type)
                ORDER BY occurred_at DESC LIMIT :limit""")
                .param("actor", blankToNull(actor))
                .param("type", blankToNull(entityType))
                .param("limit", limit)
                .query((rs, i) -> new AuditEvent(rs.getObject("id", UUID.class),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
                        rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("summary"),
                        rs.getString("remote_addr")))
                .list();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    /** One audit entry. */
    public record AuditEvent(UUID id, Instant occurredAt, String actor, String action, String entityType,
            String entityId, String summary, String remoteAddr) {}
}
