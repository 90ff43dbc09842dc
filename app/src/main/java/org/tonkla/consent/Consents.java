package org.tonkla.consent;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.Validation;

/**
 * The family's consent per purpose (PDPA s.20: a parent consents for a minor): given or withdrawn, by
 * whom, when, with evidence. The latest choice for a purpose is in force; a withdrawal stops reads for
 * that purpose at the next read ({@link Agreements}). Reached through the registry's kernel, which checks that the
 * user may act for the child first.
 */
@Component
public class Consents {

    /** One recorded choice. */
    public record Choice(UUID id, Purpose purpose, boolean given, String givenBy, String recordedBy,
            String evidenceSha256, String note, Instant recordedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Consents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the family's latest choice for {@code purpose} is a consent. */
    public boolean inForce(UUID childId, Purpose purpose) {
        return jdbc.sql("""
                SELECT given FROM child_consent WHERE child_id = ? AND purpose = ? ORDER BY recorded_at DESC, id LIMIT 1""")
                .params(childId, purpose.name()).query(Boolean.class).optional().orElse(false);
    }

    /**
     * Records a choice for the child: by the guardian in the family view ({@code givenBy} is the guardian),
     * or by staff from the signed paper ({@code evidenceSha256} of its photo in the file store).
     */
    public UUID record(UUID childId, String provinceCode, Purpose purpose, boolean given, String givenBy,
            String evidenceSha256, String note, CurrentUser by) {
        new Validation().check(purpose != null, "purpose", "one of " + List.of(Purpose.values()))
                .requiredText("givenBy", givenBy, Validation.MAX_TEXT)
                .optionalText("note", note, Validation.MAX_NOTE).throwIfInvalid();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO child_consent (id, child_id, province_code, purpose, given, given_by, recorded_by, evidence_sha256,
                                           note, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?)""")
                .params(id, childId, provinceCode, purpose.name(), given, givenBy.strip(), by.username(), evidenceSha256,
                        note == null || note.isBlank() ? null : note.strip(), Timestamp.from(Instant.now(clock)))
                .update();
        return id;
    }

    /** Every choice recorded for the child, newest first. */
    public List<Choice> history(UUID childId) {
        return jdbc.sql("""
                SELECT id, purpose, given, given_by, recorded_by, evidence_sha256, note, recorded_at FROM child_consent
                WHERE child_id = ? ORDER BY recorded_at DESC, id""")
                .param(childId)
                .query((rs, i) -> new Choice(rs.getObject(1, UUID.class), Purpose.valueOf(rs.getString(2)), rs.getBoolean(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }
}
