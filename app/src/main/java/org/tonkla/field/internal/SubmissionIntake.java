package org.tonkla.field.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.field.Campaign;
import org.tonkla.field.Campaigns;
import org.tonkla.field.FieldForms;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.FileStore;

/**
 * Receives one OpenRosa submission POST: checks everything first (the XML, the form version, each attachment's size
 * and type, the surveyor's assignment), and only then stores the submission and its photos, in one transaction.
 * Idempotent by {@code instanceID}: the same XML sent again stores only attachments not yet received (ODK Collect
 * splits large submissions over several POSTs, each with the same XML); different XML under a known instanceID is
 * refused with 409, as ODK Central does.
 */
@Component
public class SubmissionIntake {

    /** A photo larger than this is refused (413); phones' default photos are 2-6 MB. */
    public static final long MAX_ATTACHMENT_BYTES = 8L * 1024 * 1024;
    /** What one POST may carry, told to ODK Collect in {@code X-OpenRosa-Accept-Content-Length}: it splits above. */
    public static final long ACCEPT_CONTENT_LENGTH = 20L * 1024 * 1024;
    static final int PHOTO_EDGE = 1600;
    static final int THUMBNAIL_EDGE = 240;

    /** One attachment part of the POST, by its file name. */
    public record Part(String fileName, byte[] bytes) {}

    /**
     * What this POST did: the submission, whether it is now complete and whether anything new was stored; its form;
     * a warning for the surveyor when the form's time of the visit was not believed (null when it was, or none).
     */
    public record Received(UUID submissionId, boolean complete, boolean duplicate, VisitForm form, String warning) {}

    private final JdbcClient jdbc;
    private final FieldForms forms;
    private final Campaigns campaigns;
    private final FileStore files;
    private final Clock clock;
    private final VisitDays days;

    SubmissionIntake(JdbcClient jdbc, FieldForms forms, Campaigns campaigns, FileStore files, Clock clock, VisitDays days) {
        this.clock = clock;
        this.days = days;
        this.jdbc = jdbc;
        this.forms = forms;
        this.campaigns = campaigns;
        this.files = files;
    }

    /** @throws OpenRosaProblem with the status and message to answer; nothing was stored */
    @Transactional
    public Received receive(CurrentUser user, byte[] xml, List<Part> parts, boolean incomplete) {
        VisitForm form = VisitFormReader.read(xml);
        if (forms.find(form.formId(), form.version()).isEmpty()) {
            throw new OpenRosaProblem(400, "แบบฟอร์มรุ่นนี้ไม่มีในระบบ กรุณาดาวน์โหลดแบบฟอร์มใหม่ (unknown form "
                    + form.formId() + " version " + form.version() + ")");
        }
        check(parts, form.fileNames());
        String sha = sha256(xml);
        var existing = jdbc.sql("SELECT id, xml_sha256, surveyor_id, complete FROM field_submission WHERE instance_id = ? FOR UPDATE")
                .param(form.instanceId()).query((rs, n) -> Map.of("id", rs.getObject("id", UUID.class),
                        "sha", rs.getString("xml_sha256"), "surveyor", rs.getObject("surveyor_id", UUID.class),
                        "complete", rs.getBoolean("complete")))
                .optional();
        if (existing.isPresent()) {
            var row = existing.get();
            if (!row.get("surveyor").equals(user.id()) || !row.get("sha").equals(sha)) {
                throw new OpenRosaProblem(409, "มีแบบบันทึกรหัสนี้แล้วแต่ข้อมูลต่างกัน (a submission already exists with this "
                        + "instanceID but different XML; resubmissions to attach files must send identical XML)");
            }
            UUID id = (UUID) row.get("id");
            int added = store(id, parts);
            boolean complete = (Boolean) row.get("complete") || !incomplete;
            if (complete && !(Boolean) row.get("complete")) {
                jdbc.sql("UPDATE field_submission SET complete = true WHERE id = ?").param(id).update();
            }
            return new Received(id, complete, added == 0 && (Boolean) row.get("complete"), form, null);
        }
        Instant received = clock.instant();
        Campaign campaign = assignment(user, form, received);
        VisitTime time = days.of(form, campaign, received);
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO field_submission (id, instance_id, campaign_id, form_id, form_version, surveyor_id, xml, xml_sha256,
                  complete, received_at) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (instance_id) DO NOTHING""")
                .params(id, form.instanceId(), campaign.id(), form.formId(), form.version(), user.id(),
                        new String(xml, StandardCharsets.UTF_8), sha, !incomplete, java.sql.Timestamp.from(received))
                .update();
        if (inserted == 0) throw new OpenRosaProblem(409, "กำลังรับแบบบันทึกนี้อยู่ ส่งใหม่อีกครั้ง (the same submission is being received; send again)");
        store(id, parts);
        return new Received(id, !incomplete, false, form, time.warning());
    }

    /**
     * The campaign that receives the visit: the surveyor's assignment, and the day the visit was made inside the
     * campaign's period (received up to the late-submission grace after its end).
     */
    private Campaign assignment(CurrentUser user, VisitForm form, Instant received) {
        if (form.subdistrict() == null || !form.subdistrict().matches("\\d{6}")) {
            throw new OpenRosaProblem(400, "ไม่มีรหัสตำบล 6 หลัก (visit/subdistrict is missing)");
        }
        if (form.outcome() == null || !List.of("visited", "not_found", "refused", "moved").contains(form.outcome())) {
            throw new OpenRosaProblem(400, "ไม่มีผลการเยี่ยม (visit/outcome is missing or unknown)");
        }
        List<Campaign> receiving = campaigns.receivingFor(user, form.formId(), form.subdistrict(), days.lateDays());
        // A visit whose phone time is not believed is counted on a campaign's last day only when no campaign it is
        // assigned to runs on the day it arrived (a closed quarter's grace must not take today's visits from the next).
        LocalDate arrived = received.atZone(org.tonkla.platform.ThaiDates.BANGKOK).toLocalDate();
        for (Campaign c : receiving) {
            VisitTime t = days.of(form, c, received);
            if (c.openOn(t.day()) && (t.problem() == null || t.day().equals(arrived))) return c;
        }
        for (Campaign c : receiving) {
            if (c.openOn(days.of(form, c, received).day())) return c;
        }
        if (!receiving.isEmpty()) { // a visit made after the end, or received after the end without a time of its own
            Campaign c = receiving.getFirst();
            LocalDate day = days.of(form, c, received).day();
            throw new OpenRosaProblem(403, "วันเยี่ยมบ้าน " + VisitTime.thai(day) + " อยู่หลังวันปิดโครงการ "
                    + VisitTime.thai(c.endsOn()) + " (the visit day " + day + ", from the form's end or start time or else"
                    + " the day received, is after the campaign's end " + c.endsOn() + ")");
        }
        throw new OpenRosaProblem(403, "ตำบล " + form.subdistrict() + " ไม่อยู่ในพื้นที่ที่ได้รับมอบหมาย"
                + " หรือโครงการปิดแล้ว (outside your campaign assignment, or the campaign closed more than " + days.lateDays()
                + " days ago)");
    }

    /** Every part must be named in the XML, at most the size limit, and a JPEG or PNG by its first bytes. */
    private static void check(List<Part> parts, List<String> named) {
        for (Part p : parts) {
            if (!named.contains(p.fileName())) {
                throw new OpenRosaProblem(400, "ไฟล์ " + p.fileName() + " ไม่ได้อยู่ในแบบบันทึก (attachment not named in the submission)");
            }
            if (p.bytes().length > MAX_ATTACHMENT_BYTES) {
                throw new OpenRosaProblem(413, "ไฟล์ " + p.fileName() + " ใหญ่เกิน 8 MB (attachment too large)");
            }
            if (!jpegOrPng(p.bytes())) {
                throw new OpenRosaProblem(400, "ไฟล์ " + p.fileName() + " ไม่ใช่รูป JPEG หรือ PNG (only JPEG or PNG photos)");
            }
        }
    }

    static boolean jpegOrPng(byte[] b) {
        boolean jpeg = b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
        boolean png = b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        return jpeg || png;
    }

    /** Stores the parts not yet stored for the submission; the number stored. */
    private int store(UUID submission, List<Part> parts) {
        int added = 0;
        for (Part p : parts) {
            boolean known = jdbc.sql("SELECT count(*) FROM field_attachment WHERE submission_id = ? AND file_name = ?")
                    .params(submission, p.fileName()).query(Long.class).single() > 0;
            if (known) continue;
            FileStore.Stored photo;
            FileStore.Stored thumbnail;
            try { // cleaned of EXIF and GPS: the home's location is kept only as the form's structured field
                var pair = files.storePhoto(p.fileName(), p.bytes(), MAX_ATTACHMENT_BYTES, PHOTO_EDGE, THUMBNAIL_EDGE);
                photo = pair.photo();
                thumbnail = pair.thumbnail();
            } catch (FileStore.Refused e) {
                int status = switch (e.problem()) {
                    case TOO_LARGE, TOO_MANY_PIXELS -> 413;
                    case BUSY -> 503;
                    default -> 400;
                };
                throw new OpenRosaProblem(status, "รับไฟล์ " + p.fileName() + " ไม่ได้ (" + e.problem() + ")");
            }
            jdbc.sql("""
                    INSERT INTO field_attachment (submission_id, file_name, sha256, thumbnail_sha256, content_type, size_bytes)
                    VALUES (?,?,?,?,?,?)""")
                    .params(submission, p.fileName(), photo.sha256(), thumbnail == null ? null : thumbnail.sha256(),
                            photo.contentType(), photo.size())
                    .update();
            added++;
        }
        return added;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
