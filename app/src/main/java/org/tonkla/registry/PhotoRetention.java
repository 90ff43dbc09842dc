package org.tonkla.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.consent.DataCategory;
import org.tonkla.consent.Retention;

/**
 * Removes a child's photo once it has been kept longer than the retention period for photos: the child no
 * longer has a photo, and the corrections history says why (the history keeps only the file's hash). The
 * photo counts from when it was set (its corrections entry), or from the child's registration.
 */
@Component
class PhotoRetention implements Retention.Expiry {

    private final JdbcClient jdbc;

    PhotoRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public DataCategory category() {
        return DataCategory.PHOTOS;
    }

    @Override
    public List<Retention.Removed> expire(Instant cutoff, Instant now) {
        List<Retention.Removed> removed = jdbc.sql("""
                WITH taken AS (
                  SELECT c.id, c.province_code, c.photo_sha256,
                         coalesce((SELECT max(h.corrected_at) FROM child_correction h
                                   WHERE h.child_id = c.id AND h.field = 'photo' AND h.new_value = c.photo_sha256),
                                  c.created_at) AS since
                  FROM child c WHERE c.photo_sha256 IS NOT NULL)
                UPDATE child c SET photo_sha256 = NULL, updated_at = :now
                FROM taken t WHERE t.id = c.id AND t.since < :cutoff
                RETURNING c.id, c.province_code, t.photo_sha256, t.since""")
                .param("now", Timestamp.from(now)).param("cutoff", Timestamp.from(cutoff))
                .query((rs, i) -> new Retention.Removed(rs.getObject(1, UUID.class), rs.getString(2), "child photo",
                        "sha256 " + rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
        for (Retention.Removed r : removed) {
            jdbc.sql("""
                    INSERT INTO child_correction (id, child_id, field, old_value, new_value, reason, corrected_by, corrected_at,
                                                  province_code) VALUES (?,?,'photo',?,NULL,?,'tonkla-retention',?,?)""")
                    .params(UUID.randomUUID(), r.childId(), r.detail().substring("sha256 ".length()),
                            "photo removed: retention period for photos ended", Timestamp.from(now), r.provinceCode())
                    .update();
        }
        return removed;
    }
}
