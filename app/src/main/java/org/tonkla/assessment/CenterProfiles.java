package org.tonkla.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.assessment.CenterProfile.CaresFor;
import org.tonkla.assessment.CenterProfile.Qualification;
import org.tonkla.assessment.CenterProfile.StaffRole;
import org.tonkla.assessment.internal.EvidenceStore;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.ScopeCheck;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.InvalidInput;

/** Center profiles, staff records and photos: kept by the center's own staff, read by anyone in scope. */
@Component
public class CenterProfiles {

    /** What the center enters. */
    public record ProfileForm(String address, Integer capacity, Integer classrooms, boolean servesUnderThree,
            boolean servesThreeToSix) {}

    /** One staff member as entered. */
    public record StaffForm(String fullName, StaffRole role, Qualification qualification, Integer trainingHours,
            CaresFor caresFor) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Directory directory;
    private final ScopeCheck scopes;
    private final AuditTrail audit;
    private final EvidenceStore files;

    CenterProfiles(JdbcClient jdbc, Clock clock, Directory directory, ScopeCheck scopes, AuditTrail audit,
            EvidenceStore files) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory;
        this.scopes = scopes;
        this.audit = audit;
        this.files = files;
    }

    /** The profile, after the scope check; an empty one (never updated) when the center has none yet. */
    public CenterProfile profile(UUID unitId, CurrentUser user) {
        scopes.requireActOn(user, OrgUnit.serviceUnit(unitId));
        return load(unitId);
    }

    /** Whether {@code user} keeps this center's data: its head or a caregiver placed at it. */
    public boolean mayEdit(CurrentUser user, UUID unitId) {
        return (user.is(Role.CENTER_HEAD) || user.is(Role.CAREGIVER))
                && user.scope().unit() instanceof OrgUnit.ServiceUnit own && own.id().equals(unitId)
                && scopes.mayActOn(user, OrgUnit.serviceUnit(unitId));
    }

    /** @throws InvalidInput naming the field that is wrong */
    @Transactional
    public void save(UUID unitId, ProfileForm form, CurrentUser user) {
        ServiceUnit unit = requireEdit(user, unitId);
        if (form.capacity() != null && form.capacity() < 0) throw new InvalidInput("capacity", "a whole number, not negative");
        if (form.classrooms() != null && form.classrooms() < 0) throw new InvalidInput("classrooms", "a whole number, not negative");
        if (!form.servesUnderThree() && !form.servesThreeToSix()) throw new InvalidInput("ageGroups", "at least one age group served");
        jdbc.sql("""
                INSERT INTO center_profile (unit_id, province_code, address, capacity, classrooms, serves_under_three,
                  serves_three_to_six, updated_by, updated_at)
                VALUES (:unit, :province, :address, :capacity, :classrooms, :u3, :u6, :by, :at)
                ON CONFLICT (unit_id) DO UPDATE SET address = :address, capacity = :capacity, classrooms = :classrooms,
                  serves_under_three = :u3, serves_three_to_six = :u6, updated_by = :by, updated_at = :at""")
                .param("unit", unitId).param("province", unit.provinceCode())
                .param("address", blankToNull(form.address())).param("capacity", form.capacity())
                .param("classrooms", form.classrooms()).param("u3", form.servesUnderThree())
                .param("u6", form.servesThreeToSix()).param("by", user.username()).param("at", now())
                .update();
        audit.record("UPDATE", "center_profile", unitId.toString(), "profile");
    }

    /** @throws InvalidInput naming the field that is wrong */
    @Transactional
    public UUID addStaff(UUID unitId, StaffForm form, CurrentUser user) {
        ServiceUnit unit = requireEdit(user, unitId);
        if (form.fullName() == null || form.fullName().isBlank()) throw new InvalidInput("fullName", "the full name");
        if (form.role() == null) throw new InvalidInput("staffRole", "a staff role");
        if (form.qualification() == null) throw new InvalidInput("qualification", "a qualification");
        if (form.trainingHours() == null || form.trainingHours() < 0 || form.trainingHours() > 10_000) {
            throw new InvalidInput("trainingHours", "a whole number of hours from 0 to 10,000");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO center_staff (id, unit_id, province_code, full_name, role, qualification, training_hours, cares_for,
                  updated_by, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)""")
                .params(id, unitId, unit.provinceCode(), form.fullName().strip(), form.role().name(),
                        form.qualification().name(), form.trainingHours(),
                        (form.caresFor() == null ? CaresFor.NONE : form.caresFor()).name(), user.username(), now())
                .update();
        touch(unitId, user);
        audit.record("CREATE", "center_staff", id.toString(), form.role().name());
        return id;
    }

    /** Marks a staff member as having left; the record stays. */
    @Transactional
    public void removeStaff(UUID unitId, UUID staffId, CurrentUser user) {
        requireEdit(user, unitId);
        jdbc.sql("UPDATE center_staff SET active = FALSE, updated_by = ?, updated_at = ? WHERE id = ? AND unit_id = ?")
                .params(user.username(), now(), staffId, unitId).update();
        touch(unitId, user);
        audit.record("UPDATE", "center_staff", staffId.toString(), "left");
    }

    /** Stores a photo without its EXIF location. */
    @Transactional
    public void addPhoto(UUID unitId, String fileName, byte[] bytes, String caption, CurrentUser user) {
        ServiceUnit unit = requireEdit(user, unitId);
        org.tonkla.platform.FileStore.Stored stored = files.store(fileName, bytes);
        if (!stored.contentType().startsWith("image/")) throw new AssessmentRefused("assessment.error.photoType", List.of(fileName));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO center_photo (id, unit_id, province_code, sha256, content_type, size_bytes, caption, uploaded_by, uploaded_at)
                VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(id, unitId, unit.provinceCode(), stored.sha256(), stored.contentType(), stored.size(),
                        blankToNull(caption), user.username(), now())
                .update();
        touch(unitId, user);
        audit.record("CREATE", "center_photo", id.toString(), stored.sha256());
    }

    /** A photo's bytes and type, after the scope check. */
    public FileContent photo(UUID unitId, UUID photoId, CurrentUser user) {
        scopes.requireActOn(user, OrgUnit.serviceUnit(unitId));
        var row = jdbc.sql("SELECT sha256, content_type FROM center_photo WHERE id = ? AND unit_id = ?")
                .params(photoId, unitId).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .orElseThrow(() -> new org.tonkla.platform.NotFound("photo"));
        return new FileContent(files.read(row[0]), row[1], photoId + (row[1].equals("image/png") ? ".png" : ".jpg"));
    }

    CenterProfile load(UUID unitId) {
        List<CenterProfile.StaffMember> staff = jdbc.sql("""
                SELECT id, full_name, role, qualification, training_hours, cares_for FROM center_staff
                 WHERE unit_id = ? AND active ORDER BY role, full_name""")
                .param(unitId)
                .query((rs, i) -> new CenterProfile.StaffMember(rs.getObject("id", UUID.class), rs.getString("full_name"),
                        StaffRole.valueOf(rs.getString("role")), Qualification.valueOf(rs.getString("qualification")),
                        rs.getInt("training_hours"), CaresFor.valueOf(rs.getString("cares_for"))))
                .list();
        List<CenterProfile.Photo> photos = jdbc.sql("""
                SELECT id, sha256, content_type, caption, uploaded_at FROM center_photo WHERE unit_id = ? ORDER BY uploaded_at""")
                .param(unitId)
                .query((rs, i) -> new CenterProfile.Photo(rs.getObject("id", UUID.class), rs.getString("sha256"),
                        rs.getString("content_type"), rs.getString("caption"), rs.getTimestamp("uploaded_at").toInstant()))
                .list();
        return jdbc.sql("""
                SELECT address, capacity, classrooms, serves_under_three, serves_three_to_six, updated_by, updated_at
                  FROM center_profile WHERE unit_id = ?""")
                .param(unitId)
                .query((rs, i) -> new CenterProfile(unitId, rs.getString("address"), (Integer) rs.getObject("capacity"),
                        (Integer) rs.getObject("classrooms"), rs.getBoolean("serves_under_three"),
                        rs.getBoolean("serves_three_to_six"), rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant(), staff, photos))
                .optional()
                .orElseGet(() -> new CenterProfile(unitId, null, null, null, false, true, null, null, staff, photos));
    }

    // Staff and photos are part of the profile: changing them keeps the profile current.
    private void touch(UUID unitId, CurrentUser user) {
        ServiceUnit unit = directory.serviceUnit(unitId).orElseThrow();
        jdbc.sql("""
                INSERT INTO center_profile (unit_id, province_code, updated_by, updated_at) VALUES (?,?,?,?)
                ON CONFLICT (unit_id) DO UPDATE SET updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
                .params(unitId, unit.provinceCode(), user.username(), now()).update();
    }

    private ServiceUnit requireEdit(CurrentUser user, UUID unitId) {
        if (!mayEdit(user, unitId)) throw new org.tonkla.platform.Refused("Only the center's own staff keep its profile");
        return directory.serviceUnit(unitId).orElseThrow(() -> new org.tonkla.platform.NotFound("service unit"));
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
