package org.tonkla.registry;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.FileStore;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.Validation;
import org.tonkla.registry.internal.ChildRows;
import org.tonkla.registry.internal.NameKeys;

/**
 * Corrections of a child's identity (names, date of birth) and photo. Personal data is corrected,
 * never overwritten: the old value stays in {@code child_correction} with who and why.
 */
@Component
public class ChildCorrections {

    /** Child photos: at most this large when uploaded, and kept at most this many pixels on the long edge. */
    static final long PHOTO_MAX_BYTES = 8L * 1024 * 1024;
    /** A portrait's long edge: ODK Collect's smallest photo setting (640 px), so a home visit's photo is used as it is. */
    static final int PHOTO_MAX_EDGE = 640;

    /** A correction of a child's identity: the value before and after, who and why. */
    public record Correction(String field, String oldValue, String newValue, String reason, String correctedBy,
            Instant correctedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChildAccess access;
    private final AuditTrail audit;
    private final FileStore files;
    private final ApplicationEventPublisher events;

    ChildCorrections(JdbcClient jdbc, Clock clock, ChildAccess access, AuditTrail audit, FileStore files,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
        this.audit = audit;
        this.files = files;
        this.events = events;
    }

    /**
     * Corrects a name or the date of birth.
     *
     * @throws InvalidInput naming {@code field}, {@code newValue} or {@code reason}
     */
    @Transactional
    public void correct(ChildId child, String field, String newValue, String reason, CurrentUser user) {
        access.requireWrite(child, user); // refusal before any word about the input
        String column = field == null ? "" : switch (field) {
            case "givenNameTh" -> "given_name_th";
            case "familyNameTh" -> "family_name_th";
            case "givenNameEn" -> "given_name_en";
            case "familyNameEn" -> "family_name_en";
            case "dateOfBirth" -> "date_of_birth";
            default -> "";
        };
        var v = new Validation()
                .check(!column.isEmpty(), "field", "one of givenNameTh, familyNameTh, givenNameEn, familyNameEn, dateOfBirth")
                .requiredText("reason", reason, Validation.MAX_TEXT);
        Object value = null;
        if (column.equals("date_of_birth")) {
            LocalDate dob = parseDate(newValue);
            v.date("newValue", dob, null, LocalDate.now(clock));
            value = dob == null ? null : Date.valueOf(dob);
        } else if (column.endsWith("_th")) {
            v.requiredText("newValue", newValue, 100);
            value = ChildRows.emptyToNull(newValue);
        } else {
            v.optionalText("newValue", newValue, 100);
            value = ChildRows.emptyToNull(newValue);
        }
        v.throwIfInvalid();
        Object stored = value;
        access.write(child, user, "correction", c -> {
            String old = jdbc.sql("SELECT CAST(" + column + " AS text) FROM child WHERE id = ?").param(child.value())
                    .query(String.class).list().getFirst(); // null for an English name never given
            jdbc.sql("UPDATE child SET " + column + " = ?, updated_at = now() WHERE id = ?").params(stored, child.value())
                    .update();
            if (column.contains("name_th")) {
                var names = jdbc.sql("SELECT given_name_th, family_name_th FROM child WHERE id = ?").param(child.value())
                        .query((rs, i) -> NameKeys.of(rs.getString(1), rs.getString(2))).single();
                jdbc.sql("UPDATE child SET name_key_lk82 = ?, name_key_udom83 = ?, name_key_metasound = ? WHERE id = ?")
                        .params(names.lk82(), names.udom83(), names.metaSound(), child.value()).update();
            }
            history(child, field, old, newValue, reason.strip(), user, c.provinceCode());
            if (column.equals("date_of_birth") && old != null) {
                events.publishEvent(new ChildDateOfBirthCorrected(child, c.sex(), LocalDate.parse(old), ((Date) stored).toLocalDate()));
            }
            return field;
        }, f -> f);
        audit.record("CORRECT", "child", child.toString(), field + " (" + reason.strip() + ")");
    }

    /** The corrections of the child's identity, newest first. */
    public List<Correction> corrections(ChildFile file) {
        return jdbc.sql("""
                SELECT field, old_value, new_value, reason, corrected_by, corrected_at FROM child_correction
                WHERE child_id = ? ORDER BY corrected_at DESC""")
                .param(file.child().id().value())
                .query((rs, i) -> new Correction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /**
     * Sets the child's photo (JPEG or PNG, re-encoded without EXIF/GPS, scaled down). A previous photo
     * stays in the file store and in the corrections history.
     *
     * @throws InvalidInput {@code photo} with the file store's reason
     */
    @Transactional
    public void setPhoto(ChildId child, String fileName, byte[] bytes, CurrentUser user) {
        access.requireWrite(child, user); // before the (costly) decoding
        FileStore.Stored photo;
        try {
            photo = files.store(fileName, bytes, PHOTO_MAX_BYTES, false, PHOTO_MAX_EDGE);
        } catch (FileStore.Refused e) {
            throw new InvalidInput("photo." + e.problem(), "a JPEG or PNG photo of at most 8 MB");
        }
        setStoredPhoto(child, photo.sha256(), user);
    }

    /**
     * Sets as the child's photo one already in the file store, cleaned when it was stored (a home visit's): used as it
     * is when within the portrait's edge, so it is not decoded and re-encoded a second time; scaled down otherwise.
     *
     * @throws InvalidInput {@code photo} when the stored file is not a photo
     */
    @Transactional
    public void usePhoto(ChildId child, String storedSha256, CurrentUser user) {
        access.requireWrite(child, user);
        String sha;
        try {
            sha = files.longEdge(storedSha256) <= PHOTO_MAX_EDGE ? storedSha256
                    : files.store("photo", files.read(storedSha256), PHOTO_MAX_BYTES, false, PHOTO_MAX_EDGE).sha256();
        } catch (FileStore.Refused e) {
            throw new InvalidInput("photo." + e.problem(), "a JPEG or PNG photo of at most 8 MB");
        }
        setStoredPhoto(child, sha, user);
    }

    private void setStoredPhoto(ChildId child, String sha, CurrentUser user) {
        access.write(child, user, "photo", c -> {
            String old = jdbc.sql("SELECT photo_sha256 FROM child WHERE id = ?").param(child.value())
                    .query(String.class).list().getFirst(); // null before the first photo
            jdbc.sql("UPDATE child SET photo_sha256 = ?, updated_at = now() WHERE id = ?").params(sha, child.value())
                    .update();
            history(child, "photo", old, sha, old == null ? "new photo" : "photo replaced", user, c.provinceCode());
            return sha;
        }, p -> null);
    }

    /** The photo of a child whose file the user opened, as a {@code data:} URI to embed in the page. */
    public Optional<String> photoDataUri(ChildFile file) {
        String sha = file.child().photoSha256();
        if (sha == null || !file.shows(org.tonkla.consent.DataCategory.PHOTOS)) return Optional.empty();
        byte[] bytes = files.read(sha);
        boolean png = bytes.length > 1 && (bytes[0] & 0xff) == 0x89;
        return Optional.of("data:" + (png ? "image/png" : "image/jpeg") + ";base64," + Base64.getEncoder().encodeToString(bytes));
    }

    private void history(ChildId child, String field, String old, String now, String reason, CurrentUser user,
            String province) {
        jdbc.sql("""
                INSERT INTO child_correction (id, child_id, field, old_value, new_value, reason, corrected_by, corrected_at,
                                              province_code) VALUES (?,?,?,?,?,?,?,now(),?)""")
                .params(UUID.randomUUID(), child.value(), field, old, now, reason, user.username(), province).update();
    }

    private static LocalDate parseDate(String s) {
        try {
            return s == null ? null : LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
