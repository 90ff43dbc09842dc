package org.tonkla.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.consent.AccessLog;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.ScopeCheck;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.PersonalDataCipher;
import org.tonkla.registry.internal.Identifiers;
import org.tonkla.registry.internal.NameKeys;

/**
 * The child registry. Every method that touches a child checks that the user may (the unit where
 * the child is enrolled or registered, an area scope above it, or the child's guardian) and writes
 * the access log.
 */
@Component
public class ChildRegistry {

    static final String CHILD_COLUMNS = """
            c.id, c.given_name_th, c.family_name_th, c.given_name_en, c.family_name_en, c.sex, c.date_of_birth,
            c.nationality, c.identifier_type, c.national_id_last4, c.g_code, c.no_identifier_reason, c.household_id,
            c.province_code""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ScopeCheck scopes;
    private final AccessLog accessLog;
    private final Directory directory;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    // Looked up when needed: the record book implements it and itself depends on this registry.
    private final org.springframework.beans.factory.ObjectProvider<HandoverSummaries> handovers;

    ChildRegistry(JdbcClient jdbc, Clock clock, ScopeCheck scopes, AccessLog accessLog, Directory directory,
            PersonalDataCipher cipher, AuditTrail audit,
            org.springframework.beans.factory.ObjectProvider<HandoverSummaries> handovers) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.scopes = scopes;
        this.accessLog = accessLog;
        this.directory = directory;
        this.cipher = cipher;
        this.audit = audit;
        this.handovers = handovers;
    }

    // --- registering

    /**
     * Registers a child at the user's unit, or returns the existing child with the same national ID
     * or G-code (the same identifier is always the same child), enrolling it there too.
     *
     * @throws DuplicateCandidates when similar children exist and {@link NewChild#confirmedNew} is false
     * @throws IllegalArgumentException naming the field that is wrong
     */
    @Transactional
    public ChildId register(NewChild cmd, CurrentUser user) {
        var unit = directory.serviceUnit(cmd.unitId()).orElseThrow(() -> new IllegalArgumentException("unitId"));
        scopes.requireActOn(user, OrgUnit.serviceUnit(unit.id()));
        if (blank(cmd.givenNameTh())) throw new IllegalArgumentException("givenNameTh");
        if (blank(cmd.familyNameTh())) throw new IllegalArgumentException("familyNameTh");
        if (cmd.sex() == null) throw new IllegalArgumentException("sex");
        LocalDate today = LocalDate.now(clock);
        if (cmd.dateOfBirth() == null || cmd.dateOfBirth().isAfter(today)) throw new IllegalArgumentException("dateOfBirth");

        var identifier = Identifiers.parse(cmd.nationalId(), cmd.gCode(), cmd.noIdentifierReason());
        Optional<ChildId> existing = switch (identifier) {
            case Identifiers.National n -> jdbc.sql("SELECT id FROM child WHERE national_id_hash = ?")
                    .param(cipher.lookupHash(n.digits())).query(UUID.class).optional().map(ChildId::new);
            case Identifiers.GCode_ g -> jdbc.sql("SELECT id FROM child WHERE g_code = ?")
                    .param(g.code()).query(UUID.class).optional().map(ChildId::new);
            case Identifiers.None none -> Optional.empty();
        };
        if (existing.isPresent()) {
            enrolIfNotYet(existing.get(), unit.id(), cmd, user, today);
            return existing.get();
        }
        var keys = NameKeys.of(cmd.givenNameTh(), cmd.familyNameTh());
        if (!cmd.confirmedNew()) {
            var similar = similarChildren(cmd.givenNameTh(), cmd.familyNameTh(), cmd.dateOfBirth(), keys);
            if (!similar.isEmpty()) throw new DuplicateCandidates(similar);
        }
        String subdistrict = blank(cmd.subdistrictCode()) ? unit.subdistrictCode() : cmd.subdistrictCode().trim();
        String province = subdistrict.substring(0, 2);
        UUID householdId = UUID.randomUUID();
        jdbc.sql("INSERT INTO household (id, subdistrict_code, province_code, house_no) VALUES (?,?,?,?)")
                .params(householdId, subdistrict, province, cmd.houseNo()).update();
        var id = new ChildId(UUID.randomUUID());
        jdbc.sql("""
                INSERT INTO child (id, given_name_th, family_name_th, given_name_en, family_name_en, sex, date_of_birth,
                  nationality, identifier_type, national_id_hash, national_id_cipher, national_id_last4, g_code,
                  no_identifier_reason, household_id, province_code, name_key_lk82, name_key_udom83, name_key_metasound,
                  created_by)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(id.value(), cmd.givenNameTh().trim(), cmd.familyNameTh().trim(), emptyToNull(cmd.givenNameEn()),
                        emptyToNull(cmd.familyNameEn()), cmd.sex().name(), Date.valueOf(cmd.dateOfBirth()),
                        blank(cmd.nationality()) ? "THA" : cmd.nationality(), identifier.type().name(),
                        identifier instanceof Identifiers.National n ? cipher.lookupHash(n.digits()) : null,
                        identifier instanceof Identifiers.National n ? cipher.encrypt(n.digits()) : null,
                        identifier instanceof Identifiers.National n ? n.digits().substring(9) : null,
                        identifier instanceof Identifiers.GCode_ g ? g.code() : null,
                        identifier instanceof Identifiers.None none ? none.reason() : null,
                        householdId, province, keys.lk82(), keys.udom83(), keys.metaSound(), user.username())
                .update();
        enrolIfNotYet(id, unit.id(), cmd, user, today);
        accessLog.record(user, id.value(), province, AccessLog.Action.WRITE, "registration", null);
        audit.record("CREATE", "child", id.toString(), "registered at unit " + unit.id());
        return id;
    }

    private void enrolIfNotYet(ChildId child, UUID unitId, NewChild cmd, CurrentUser user, LocalDate today) {
        boolean enrolled = jdbc.sql("SELECT count(*) FROM enrolment WHERE child_id = ? AND unit_id = ? AND ended_on IS NULL")
                .params(child.value(), unitId).query(Long.class).single() > 0;
        if (!enrolled) {
            enrol(child, unitId, cmd.enrolmentKind() == null ? EnrolmentKind.ENROLLED : cmd.enrolmentKind(),
                    cmd.className(), cmd.enrolledOn() == null ? today : cmd.enrolledOn(), user);
        }
    }

    /** Children whose Thai name sounds alike (any of the three Thai name keys) or reads alike, born the same day. */
    private List<Child> similarChildren(String given, String family, LocalDate dob, NameKeys keys) {
        return jdbc.sql("SELECT " + CHILD_COLUMNS + """
                 FROM child c
                WHERE c.date_of_birth = :dob
                  AND (c.name_key_lk82 = :lk82 OR c.name_key_udom83 = :udom83 OR c.name_key_metasound = :meta
                       OR similarity(c.given_name_th || ' ' || c.family_name_th, :name) > 0.5)
                LIMIT 20""")
                .param("dob", Date.valueOf(dob)).param("lk82", keys.lk82()).param("udom83", keys.udom83())
                .param("meta", keys.metaSound()).param("name", given.trim() + " " + family.trim())
                .query(ChildRegistry::child).list();
    }

    // --- enrolments and transfers

    @Transactional
    public UUID enrol(ChildId child, UUID unitId, EnrolmentKind kind, String className, LocalDate startedOn,
            CurrentUser user) {
        scopes.requireActOn(user, OrgUnit.serviceUnit(unitId));
        String province = provinceOf(child);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO enrolment (id, child_id, unit_id, kind, class_name, started_on, province_code, created_by)
                VALUES (?,?,?,?,?,?,?,?)""")
                .params(id, child.value(), unitId, kind.name(), emptyToNull(className), Date.valueOf(startedOn), province,
                        user.username())
                .update();
        return id;
    }

    public List<Enrolment> enrolments(ChildId child) {
        return jdbc.sql("""
                SELECT id, child_id, unit_id, kind, class_name, started_on, ended_on, end_reason
                FROM enrolment WHERE child_id = ? ORDER BY started_on, created_at""")
                .param(child.value())
                .query((rs, i) -> new Enrolment(rs.getObject(1, UUID.class), new ChildId(rs.getObject(2, UUID.class)),
                        rs.getObject(3, UUID.class), EnrolmentKind.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getDate(6).toLocalDate(), rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(),
                        rs.getString(8)))
                .list();
    }

    /**
     * Moves a child from the user's unit to the next one: the enrolment here ends, one there starts,
     * and the receiving unit gets the handover summary as of the transfer day.
     */
    @Transactional
    public Transfer transfer(ChildId child, UUID fromUnit, UUID toUnit, LocalDate on, String className, String note,
            CurrentUser user) {
        requireAccess(user, child);
        scopes.requireActOn(user, OrgUnit.serviceUnit(fromUnit));
        directory.serviceUnit(toUnit).orElseThrow(() -> new IllegalArgumentException("toUnitId"));
        if (fromUnit.equals(toUnit)) throw new IllegalArgumentException("toUnitId");
        int ended = jdbc.sql("""
                UPDATE enrolment SET ended_on = ?, end_reason = 'TRANSFER'
                WHERE child_id = ? AND unit_id = ? AND ended_on IS NULL AND kind = 'ENROLLED'""")
                .params(Date.valueOf(on), child.value(), fromUnit).update();
        if (ended == 0) throw new IllegalArgumentException("fromUnitId");
        String province = provinceOf(child);
        List<String> handover = handovers.getObject().summarize(child, on);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO transfer (id, child_id, from_unit_id, to_unit_id, transferred_on, handover, note, province_code,
                                      created_by) VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(id, child.value(), fromUnit, toUnit, Date.valueOf(on), String.join("\n", handover),
                        emptyToNull(note), province, user.username())
                .update();
        jdbc.sql("""
                INSERT INTO enrolment (id, child_id, unit_id, kind, class_name, started_on, province_code, created_by)
                VALUES (?,?,?,'ENROLLED',?,?,?,?)""")
                .params(UUID.randomUUID(), child.value(), toUnit, emptyToNull(className), Date.valueOf(on), province,
                        user.username())
                .update();
        accessLog.record(user, child.value(), province, AccessLog.Action.WRITE, "transfer", "to unit " + toUnit);
        audit.record("TRANSFER", "child", child.toString(), fromUnit + " → " + toUnit);
        return new Transfer(id, child, fromUnit, toUnit, on, handover, note);
    }

    /** Children who arrived at {@code unitId} by transfer, newest first, with their handover. */
    public List<Transfer> arrivals(UUID unitId, CurrentUser user) {
        scopes.requireActOn(user, OrgUnit.serviceUnit(unitId));
        return jdbc.sql("""
                SELECT id, child_id, from_unit_id, to_unit_id, transferred_on, handover, note
                FROM transfer WHERE to_unit_id = ? ORDER BY transferred_on DESC, created_at DESC LIMIT 200""")
                .param(unitId)
                .query((rs, i) -> new Transfer(rs.getObject(1, UUID.class), new ChildId(rs.getObject(2, UUID.class)),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getDate(5).toLocalDate(),
                        rs.getString(6).isEmpty() ? List.of() : List.of(rs.getString(6).split("\n")), rs.getString(7)))
                .list();
    }

    // --- reading

    /** Whether {@code user} may see and add to this child's record. */
    public boolean mayAccess(CurrentUser user, ChildId child) {
        if (user.role() == Role.GUARDIAN) {
            return jdbc.sql("""
                    SELECT count(*) FROM child_guardian cg JOIN guardian g ON g.id = cg.guardian_id
                    WHERE cg.child_id = ? AND g.user_id = ?""")
                    .params(child.value(), user.id()).query(Long.class).single() > 0;
        }
        LocalDate today = LocalDate.now(clock);
        for (Enrolment e : enrolments(child)) {
            if (e.activeOn(today) && scopes.mayActOn(user, OrgUnit.serviceUnit(e.unitId()))) return true;
        }
        // Area scopes also cover a child by where the family lives.
        return jdbc.sql("SELECT h.subdistrict_code FROM child c JOIN household h ON h.id = c.household_id WHERE c.id = ?")
                .param(child.value()).query(String.class).optional()
                .map(code -> user.scope().unit() instanceof OrgUnit.ServiceUnit ? false
                        : scopes.mayActOn(user, OrgUnit.area(code)))
                .orElse(false);
    }

    /** Throws 403 unless the user may access the child. */
    public void requireAccess(CurrentUser user, ChildId child) {
        if (!mayAccess(user, child)) throw new AccessDeniedException("Child outside the user's scope");
    }

    /** The child, after the access check; logs the read with its purpose. */
    public Child open(ChildId id, CurrentUser user, String purpose) {
        var child = find(id).orElseThrow(() -> new java.util.NoSuchElementException("No child " + id));
        requireAccess(user, id);
        accessLog.record(user, id.value(), child.provinceCode(), AccessLog.Action.READ, purpose, null);
        return child;
    }

    /** The child without an access check or log: for modules that already checked and logged. */
    public Optional<Child> find(ChildId id) {
        return jdbc.sql("SELECT " + CHILD_COLUMNS + " FROM child c WHERE c.id = ?").param(id.value())
                .query(ChildRegistry::child).optional();
    }

    /** The full national ID, for roles that need it on the child page; the reveal is logged. */
    public Optional<String> revealIdentifier(ChildId id, CurrentUser user) {
        if (!(user.role() == Role.HEALTH_WORKER || user.role() == Role.CENTER_HEAD || user.role() == Role.CAREGIVER
                || user.role() == Role.SOCIAL_WORKER || user.role() == Role.GUARDIAN)) {
            return Optional.empty();
        }
        requireAccess(user, id);
        var sealed = jdbc.sql("SELECT national_id_cipher FROM child WHERE id = ?").param(id.value())
                .query(byte[].class).optional().filter(b -> b != null);
        sealed.ifPresent(b -> accessLog.record(user, id.value(), provinceOf(id), AccessLog.Action.READ,
                "identifier", "national ID shown"));
        return sealed.map(cipher::decrypt).map(digits -> new org.tonkla.core.thai.NationalId(digits).formatted());
    }

    /** Children currently enrolled or registered at a unit (its roster), by class then name. */
    public List<RosterEntry> roster(UUID unitId, CurrentUser user) {
        scopes.requireActOn(user, OrgUnit.serviceUnit(unitId));
        return jdbc.sql("SELECT " + CHILD_COLUMNS + """
                , e.class_name FROM enrolment e JOIN child c ON c.id = e.child_id
                WHERE e.unit_id = ? AND e.ended_on IS NULL
                ORDER BY e.class_name NULLS LAST, c.given_name_th, c.family_name_th""")
                .param(unitId)
                .query((rs, i) -> new RosterEntry(child(rs, i), rs.getString("class_name")))
                .list();
    }

    /** A child on a unit's roster with the class it is in. */
    public record RosterEntry(Child child, String className) {}

    /**
     * Children the user may see whose name resembles {@code text} or whose identifier is it.
     * National IDs match by their keyed hash; names by trigram similarity.
     */
    public List<Child> search(CurrentUser user, String text, int limit) {
        if (blank(text)) return List.of();
        String q = text.trim();
        List<Child> found = new ArrayList<>();
        String digits = q.replaceAll("[\\s-]", "");
        if (digits.matches("\\d{13}")) {
            found.addAll(jdbc.sql("SELECT " + CHILD_COLUMNS + " FROM child c WHERE c.national_id_hash = ?")
                    .param(cipher.lookupHash(digits)).query(ChildRegistry::child).list());
        } else {
            found.addAll(jdbc.sql("SELECT " + CHILD_COLUMNS + """
                     FROM child c
                    WHERE c.g_code = :q OR (c.given_name_th || ' ' || c.family_name_th) ILIKE '%' || :q || '%'
                       OR (c.given_name_th || ' ' || c.family_name_th) % :q
                    ORDER BY similarity(c.given_name_th || ' ' || c.family_name_th, :q) DESC LIMIT 200""")
                    .param("q", q).query(ChildRegistry::child).list());
        }
        return found.stream().filter(c -> mayAccess(user, c.id())).limit(limit).toList();
    }

    // --- guardians

    /** Links a guardian (optionally with a Tonkla account) to a child. */
    @Transactional
    public UUID addGuardian(ChildId child, String givenNameTh, String familyNameTh, String relationship, String phone,
            UUID userId, CurrentUser by) {
        requireAccess(by, child);
        String province = provinceOf(child);
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO guardian (id, given_name_th, family_name_th, phone, user_id, province_code) VALUES (?,?,?,?,?,?)")
                .params(id, givenNameTh, familyNameTh, emptyToNull(phone), userId, province).update();
        jdbc.sql("INSERT INTO child_guardian (child_id, guardian_id, relationship, province_code) VALUES (?,?,?,?)")
                .params(child.value(), id, relationship, province).update();
        accessLog.record(by, child.value(), province, AccessLog.Action.WRITE, "registration", "guardian added");
        return id;
    }

    /** A guardian of a child. */
    public record Guardian(UUID id, String givenNameTh, String familyNameTh, String relationship, String phone) {}

    public List<Guardian> guardians(ChildId child) {
        return jdbc.sql("""
                SELECT g.id, g.given_name_th, g.family_name_th, cg.relationship, g.phone
                FROM child_guardian cg JOIN guardian g ON g.id = cg.guardian_id WHERE cg.child_id = ?""")
                .param(child.value())
                .query((rs, i) -> new Guardian(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    /** The children of the guardian who has this user account. */
    public List<Child> childrenOfGuardian(CurrentUser user) {
        return jdbc.sql("SELECT " + CHILD_COLUMNS + """
                 FROM child c JOIN child_guardian cg ON cg.child_id = c.id JOIN guardian g ON g.id = cg.guardian_id
                WHERE g.user_id = ? ORDER BY c.date_of_birth""")
                .param(user.id()).query(ChildRegistry::child).list();
    }

    // --- corrections

    /** Corrects a name or the date of birth; the old value stays in {@code child_correction} with who and why. */
    @Transactional
    public void correct(ChildId child, String field, String newValue, String reason, CurrentUser user) {
        requireAccess(user, child);
        if (blank(reason)) throw new IllegalArgumentException("reason");
        String column = switch (field) {
            case "givenNameTh" -> "given_name_th";
            case "familyNameTh" -> "family_name_th";
            case "givenNameEn" -> "given_name_en";
            case "familyNameEn" -> "family_name_en";
            case "dateOfBirth" -> "date_of_birth";
            default -> throw new IllegalArgumentException("field");
        };
        String old = jdbc.sql("SELECT CAST(" + column + " AS text) FROM child WHERE id = ?").param(child.value())
                .query(String.class).single();
        Object value = column.equals("date_of_birth") ? Date.valueOf(LocalDate.parse(newValue)) : newValue;
        jdbc.sql("UPDATE child SET " + column + " = ?, updated_at = now() WHERE id = ?").params(value, child.value()).update();
        if (column.contains("name_th")) {
            var c = find(child).orElseThrow();
            var keys = NameKeys.of(c.givenNameTh(), c.familyNameTh());
            jdbc.sql("UPDATE child SET name_key_lk82 = ?, name_key_udom83 = ?, name_key_metasound = ? WHERE id = ?")
                    .params(keys.lk82(), keys.udom83(), keys.metaSound(), child.value()).update();
        }
        String province = provinceOf(child);
        jdbc.sql("""
                INSERT INTO child_correction (id, child_id, field, old_value, new_value, reason, corrected_by, corrected_at,
                                              province_code) VALUES (?,?,?,?,?,?,?,now(),?)""")
                .params(UUID.randomUUID(), child.value(), field, old, newValue, reason, user.username(), province).update();
        accessLog.record(user, child.value(), province, AccessLog.Action.WRITE, "correction", field);
    }

    // ---

    String provinceOf(ChildId child) {
        return jdbc.sql("SELECT province_code FROM child WHERE id = ?").param(child.value()).query(String.class).single();
    }

    static Child child(ResultSet rs, int row) throws SQLException {
        var type = Child.IdentifierType.valueOf(rs.getString("identifier_type"));
        String masked = switch (type) {
            case NATIONAL_ID -> "x-xxxx-xxxx" + rs.getString("national_id_last4").charAt(0) + "-"
                    + rs.getString("national_id_last4").substring(1, 3) + "-" + rs.getString("national_id_last4").charAt(3);
            case G_CODE -> new org.tonkla.core.thai.GCode(rs.getString("g_code")).masked();
            case NONE -> null;
        };
        return new Child(new ChildId(rs.getObject("id", UUID.class)), rs.getString("given_name_th"),
                rs.getString("family_name_th"), rs.getString("given_name_en"), rs.getString("family_name_en"),
                Sex.valueOf(rs.getString("sex")), rs.getDate("date_of_birth").toLocalDate(), rs.getString("nationality"),
                type, masked, rs.getString("no_identifier_reason"), rs.getObject("household_id", UUID.class),
                rs.getString("province_code"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s.trim();
    }
}
