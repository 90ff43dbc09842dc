package org.tonkla.field.internal;

import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.identity.CurrentUser;

/**
 * A photo that arrives after its visit was processed (the same submission sent again with a file the first POST did
 * not carry) is put where the first POST would have put it: the household's photo columns still empty, the child's
 * visit photo still empty and, for a child found or registered, its registry photo. Only with consent for photos.
 */
@Component
class LateAttachments {

    private static final Logger log = LoggerFactory.getLogger(LateAttachments.class);

    private final JdbcClient jdbc;
    private final ChildRecorder children;

    LateAttachments(JdbcClient jdbc, ChildRecorder children) {
        this.jdbc = jdbc;
        this.children = children;
    }

    void apply(UUID submissionId, VisitForm form, CurrentUser user) {
        if (form.consent() == null || !form.consent().allows("photos")) return;
        Map<String, String[]> files = StoredAttachments.of(jdbc, submissionId);
        var h = form.household();
        if (h != null && form.consent().allows("household")) {
            jdbc.sql("""
                    UPDATE field_visit SET photo_outside = coalesce(photo_outside, :outside),
                           photo_inside = coalesce(photo_inside, :inside), photo_child_sign = coalesce(photo_child_sign, :sign)
                     WHERE submission_id = :id""")
                    .param("outside", StoredAttachments.sha(files, h.photoOutside()))
                    .param("inside", StoredAttachments.sha(files, h.photoInside()))
                    .param("sign", StoredAttachments.sha(files, h.photoChildSign())).param("id", submissionId).update();
        }
        int position = 0;
        for (VisitForm.ChildEntry c : form.children()) {
            int pos = position++;
            String[] photo = c.photo() == null ? null : files.get(c.photo());
            if (photo == null) continue;
            var child = jdbc.sql("""
                    UPDATE field_visit_child vc SET photo_sha256 = ?, thumbnail_sha256 = ?
                      FROM field_visit v WHERE v.id = vc.visit_id AND v.submission_id = ? AND vc.position = ?
                       AND vc.photo_sha256 IS NULL AND vc.child_id IS NOT NULL
                    RETURNING vc.child_id, vc.match""")
                    .params(photo[0], photo[1], submissionId, pos)
                    .query((rs, n) -> new ChildRecorder.Result(rs.getObject(1, UUID.class), rs.getString(2))).optional();
            if (child.isEmpty()) continue;
            try {
                children.photo(child.get(), form, c, files, user);
            } catch (RuntimeException e) { // the visit keeps the photo; the registry's stays as it was
                log.warn("Late home-visit photo not set on the child: {}", e.getClass().getSimpleName());
            }
        }
    }

}
