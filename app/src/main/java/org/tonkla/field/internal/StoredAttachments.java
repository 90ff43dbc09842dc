package org.tonkla.field.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A submission's stored attachments by file name: the photo's hash and its thumbnail's (null until first shown). */
final class StoredAttachments {

    private StoredAttachments() {}

    static Map<String, String[]> of(JdbcClient jdbc, UUID submissionId) {
        Map<String, String[]> files = new HashMap<>();
        jdbc.sql("SELECT file_name, sha256, thumbnail_sha256 FROM field_attachment WHERE submission_id = ?").param(submissionId)
                .query((rs, n) -> files.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)})).list();
        return files;
    }

    /** The photo hash of the file the form names, or null when it names none or it was not received. */
    static String sha(Map<String, String[]> files, String name) {
        String[] stored = name == null ? null : files.get(name);
        return stored == null ? null : stored[0];
    }
}
