package org.tonkla.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.assessment.internal.EvidenceStore;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.FileStore;
import org.tonkla.platform.Refused;

/**
 * Evidence files of an assessment's items (JPEG/PNG/PDF; photos are re-encoded so EXIF/GPS is gone):
 * added by the center's staff to items they may change now, read by anyone who may view the center.
 */
@Component
public class Evidence {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final AssessmentAccess access;
    private final AssessmentSheets sheets;
    private final AssessmentCycle cycle;
    private final EvidenceStore files;

    Evidence(JdbcClient jdbc, Clock clock, AuditTrail audit, AssessmentAccess access, AssessmentSheets sheets,
            AssessmentCycle cycle, EvidenceStore files) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.access = access;
        this.sheets = sheets;
        this.cycle = cycle;
        this.files = files;
    }

    /**
     * Adds an evidence file to an item the center may change now.
     *
     * @param seenRevision the revision of the sheet the file was chosen on; {@code null} not to check
     * @throws AssessmentRefused {@code assessment.error.notEditable} for another item, or the file's refusal
     */
    @Transactional
    public UUID add(UUID assessmentId, Integer seenRevision, String itemKey, String fileName, byte[] bytes,
            CurrentUser user) {
        access.requireEdit(user, assessmentId, "add evidence");
        AssessmentCycle.Current current = cycle.lock(assessmentId, seenRevision);
        AssessmentCycle.require(AssessmentCycle.Step.SUBMIT, current.status(), "assessment.error.notWithCenter");
        AssessmentSheet sheet = sheets.load(assessmentId);
        if (sheet.applicableItems().stream().noneMatch(i -> i.key().equals(itemKey)) || !sheet.itemEditable(itemKey)) {
            throw new AssessmentRefused("assessment.error.notEditable", List.of(String.valueOf(itemKey)));
        }
        FileStore.Stored stored = files.store(fileName, bytes);
        UUID id = UUID.randomUUID();
        String name = fileName == null || fileName.isBlank() ? id.toString() : fileName.replaceAll("[\\\\/\\r\\n\"]", "_");
        jdbc.sql("""
                INSERT INTO assessment_evidence (id, assessment_id, item_key, province_code, sha256, file_name, content_type,
                  size_bytes, uploaded_by, uploaded_at) VALUES (?,?,?,?,?,?,?,?,?,?)""")
                .params(id, assessmentId, itemKey, sheet.provinceCode(), stored.sha256(), name, stored.contentType(),
                        stored.size(), user.username(), Timestamp.from(Instant.now(clock)))
                .update();
        audit.record("CREATE", "assessment_evidence", id.toString(), itemKey + " " + stored.sha256());
        return id;
    }

    /** An evidence file's content, after the scope check; an unknown id is refused like one out of scope. */
    public FileContent read(UUID evidenceId, CurrentUser user) {
        record Row(UUID unitId, String sha256, String contentType, String fileName) {}
        Row row = jdbc.sql("""
                SELECT a.unit_id, e.sha256, e.content_type, e.file_name FROM assessment_evidence e
                  JOIN center_assessment a ON a.id = e.assessment_id WHERE e.id = ?""")
                .param(evidenceId)
                .query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional().orElseThrow(() -> new Refused("No such evidence in the user's scope"));
        access.requireView(user, row.unitId());
        return new FileContent(files.read(row.sha256()), row.contentType(), row.fileName());
    }
}
