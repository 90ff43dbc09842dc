package org.tonkla.field.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.field.Campaign;
import org.tonkla.identity.CurrentUser;
import org.tonkla.recordbook.Growth;
import org.tonkla.recordbook.HealthNote;
import org.tonkla.recordbook.HealthNotes;
import org.tonkla.recordbook.MeasurementInput;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.ChildCorrections;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.ChildrenByNationalId;
import org.tonkla.registry.EnrolmentKind;
import org.tonkla.registry.NewChild;
import org.tonkla.registry.Registration;
import org.tonkla.registry.Sex;

/**
 * One child found on a home visit, in its own transaction: matched to the registry's child (by national ID, when the
 * surveyor may write to that child's record) or registered through {@link Registration}, whose duplicate guard turns a
 * child registered elsewhere into a join request; then weight and height through the record book (z-scores), the photo
 * through the registry (re-encoded without EXIF), health notes, and the screening's needs. What the guardian did not
 * consent to is not written: the photo needs consent for photos, health data consent for health.
 */
@Component
class ChildRecorder {

    /** What became of the child. */
    record Result(UUID childId, String match) {}

    private static final Map<String, String> NO_ID_REASONS = Map.of(
            "birth_not_registered", "ยังไม่ได้แจ้งเกิด (จากการเยี่ยมบ้าน)",
            "no_civil_registration", "ไม่มีหลักฐานทางทะเบียนราษฎร (จากการเยี่ยมบ้าน)",
            "unknown", "ผู้ปกครองไม่ทราบหรือไม่มีเอกสาร (จากการเยี่ยมบ้าน)");

    private final JdbcClient jdbc;
    private final Registration registration;
    private final ChildrenByNationalId byNationalId;
    private final ChildAccess access;
    private final Growth growth;
    private final ChildCorrections corrections;
    private final HealthNotes notes;
    private final ScreeningRules screening;
    private final VisitProtection protection;
    private final Clock clock;

    ChildRecorder(JdbcClient jdbc, Registration registration, ChildrenByNationalId byNationalId, ChildAccess access,
            Growth growth, ChildCorrections corrections, HealthNotes notes, ScreeningRules screening,
            VisitProtection protection, Clock clock) {
        this.jdbc = jdbc;
        this.registration = registration;
        this.byNationalId = byNationalId;
        this.access = access;
        this.growth = growth;
        this.corrections = corrections;
        this.notes = notes;
        this.screening = screening;
        this.protection = protection;
        this.clock = clock;
    }

    /**
     * Everything about the child but its photo, or nothing (an exception rolls this child back; the caller records it
     * for review). The photo follows in {@link #photo}, after this transaction: the access log's chain of the province
     * is locked from the first logged write to the commit, and re-encoding a photo inside that window would hold up
     * every other writer of the province.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Result record(UUID visitId, int position, VisitForm form, VisitForm.ChildEntry c, Campaign campaign,
            LocalDate visitDay, Map<String, String[]> attachments, Double incomePerMember, CurrentUser user) {
        LocalDate today = visitDay; // the measurement and the needs are of the day the child was seen
        String idType = idType(c);
        Result result = match(c, idType, user).orElseGet(() -> register(form, c, idType, campaign, user));
        ChildId child = result.childId() == null ? null : new ChildId(result.childId());
        boolean health = form.consent().allows("health");
        String[] photo = form.consent().allows("photos") && c.photo() != null ? attachments.get(c.photo()) : null;
        if (child != null) {
            if (c.weightKg() != null || c.heightCm() != null) {
                growth.record(child, new MeasurementInput(today, c.weightKg(), c.heightCm(), null, null, null, false, false), user);
            }
            if (health && c.healthNotes() != null) notes.add(child, HealthNote.Kind.CHRONIC_CONDITION, c.healthNotes(), null, user);
            if (health && "yes".equals(c.disability())) {
                notes.add(child, HealthNote.Kind.DISABILITY, "พบจากการเยี่ยมบ้าน (reported on a home visit)", null, user);
            }
            protection.record(child, c, form.consent().allows("household"), user);
        }
        UUID row = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO field_visit_child (id, visit_id, position, child_id, match, identifier_type, health_coverage,
                  disability, photo_sha256, thumbnail_sha256, province_code) VALUES (?,?,?,?,?,?,?,?,?,?,?)""")
                .params(row, visitId, position, result.childId(), result.match(), idType,
                        health ? c.healthCoverage() : null, health ? "yes".equals(c.disability()) : null,
                        photo == null ? null : photo[0], photo == null ? null : photo[1], campaign.provinceCode())
                .update();
        if (child != null) needs(row, child, form, c, idType, incomePerMember, health, today);
        return result;
    }

    /** The child's photo from the visit, in its own transaction (see {@link #record}); none without consent for photos. */
    void photo(Result result, VisitForm form, VisitForm.ChildEntry c, Map<String, String[]> attachments, CurrentUser user) {
        String[] photo = form.consent().allows("photos") && c.photo() != null ? attachments.get(c.photo()) : null;
        if (photo == null || result.childId() == null) return;
        corrections.usePhoto(new ChildId(result.childId()), photo[0], user); // cleaned when received: not re-encoded
    }

    private void needs(UUID row, ChildId child, VisitForm form, VisitForm.ChildEntry c, String idType,
            Double incomePerMember, boolean health, LocalDate today) {
        var facts = new ScreeningRules.Facts(incomePerMember,
                form.household() == null ? Map.of() : form.household().status(), c.dateOfBirth(), today, idType,
                health ? c.healthCoverage() : null, health && "yes".equals(c.disability()));
        for (var f : screening.screen(facts)) {
            jdbc.sql("""
                    INSERT INTO field_need (visit_child_id, child_id, rule_code, agency_type, detail, found_on)
                    VALUES (?,?,?,?,?,?)""")
                    .params(row, child.value(), f.ruleCode(), f.agencyType(), f.detail(), java.sql.Date.valueOf(today))
                    .update();
        }
    }

    /** A child the registry knows by this national ID and the surveyor may write to. */
    private Optional<Result> match(VisitForm.ChildEntry c, String idType, CurrentUser user) {
        if (!"NATIONAL_ID".equals(idType) || c.nationalId() == null || !c.nationalId().matches("\\d{13}")) return Optional.empty();
        var known = byNationalId.find(java.util.List.of(c.nationalId())).get(c.nationalId());
        return Optional.ofNullable(known).filter(k -> access.mayWrite(user, k.id()))
                .map(k -> new Result(k.id().value(), "MATCHED"));
    }

    private Result register(VisitForm form, VisitForm.ChildEntry c, String idType, Campaign campaign, CurrentUser user) {
        var household = form.household();
        boolean located = household != null && household.latitude() != null && form.consent().allows("household");
        var cmd = new NewChild(c.givenName(), c.familyName(), null, null, sex(c.sex()), c.dateOfBirth(), null,
                "NATIONAL_ID".equals(idType) ? c.nationalId() : null, "G_CODE".equals(idType) ? c.gCode() : null,
                "NONE".equals(idType) ? NO_ID_REASONS.getOrDefault(c.noIdReason(), "ไม่มีเลขประจำตัว (จากการเยี่ยมบ้าน)") : null,
                campaign.registeringUnitId(), EnrolmentKind.REGISTERED, null, LocalDate.now(clock), form.subdistrict(),
                form.houseNo(), located ? household.latitude() : null, located ? household.longitude() : null, false);
        return switch (registration.register(cmd, user)) {
            case Registration.Created created -> new Result(created.child().value(), "REGISTERED");
            case Registration.AlreadyHere here -> new Result(here.child().value(), "MATCHED");
            case Registration.JoinRequested join -> new Result(null, "JOIN_REQUESTED");
        };
    }

    static String idType(VisitForm.ChildEntry c) {
        if ("national_id".equals(c.idType())) return "NATIONAL_ID";
        if ("g_code".equals(c.idType())) return "G_CODE";
        return "NONE";
    }

    private static Sex sex(String s) {
        return "M".equals(s) ? Sex.M : "F".equals(s) ? Sex.F : null;
    }
}
