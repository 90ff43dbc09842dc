package org.tonkla.field.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.consent.DataCategory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.FileStore;
import org.tonkla.platform.Refused;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.ChildId;

/**
 * A child's photo from their latest home visit: shown only to users whose purpose releases photos of this child
 * ({@link ChildAccess#open}, which checks scope and agreements and logs the view with the purpose).
 */
@Component
public class FieldPhotos {

    /** The stored photo's bytes and type. */
    public record Photo(byte[] bytes, String contentType) {}

    private final JdbcClient jdbc;
    private final ChildAccess access;
    private final FileStore files;

    FieldPhotos(JdbcClient jdbc, ChildAccess access, FileStore files) {
        this.jdbc = jdbc;
        this.access = access;
        this.files = files;
    }

    /** @throws Refused when the user may not see this child's photos; empty when no visit photo exists */
    public Optional<Photo> latest(ChildId child, boolean thumbnail, CurrentUser user) {
        var file = access.open(child, user, "field-photo");
        if (!file.shows(DataCategory.PHOTOS)) throw new Refused("agreement.refused", "photos");
        return jdbc.sql("""
                SELECT vc.photo_sha256, vc.thumbnail_sha256, a.content_type
                  FROM field_visit_child vc JOIN field_visit v ON v.id = vc.visit_id
                  JOIN field_attachment a ON a.submission_id = v.submission_id AND a.sha256 = vc.photo_sha256
                 WHERE vc.child_id = ? AND vc.photo_sha256 IS NOT NULL
                 ORDER BY v.visited_on DESC LIMIT 1""")
                .param(child.value())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)}).optional()
                .flatMap(r -> bytes((String) r[0], (String) r[1], thumbnail).map(b -> new Photo(b, (String) r[2])));
    }

    /** The photo, or its thumbnail (made now for a photo kept undecoded); empty when that photo cannot be read. */
    private Optional<byte[]> bytes(String photo, String storedThumbnail, boolean thumbnail) {
        if (!thumbnail) return Optional.of(files.read(photo));
        if (storedThumbnail != null) return Optional.of(files.read(storedThumbnail));
        try {
            return Optional.of(files.thumbnail(photo, SubmissionIntake.THUMBNAIL_EDGE)); // keeps its photo's format
        } catch (org.tonkla.platform.FileStore.Refused e) {
            return Optional.empty();
        }
    }
}
