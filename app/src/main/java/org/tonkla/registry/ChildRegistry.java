package org.tonkla.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import org.tonkla.platform.FileStore;
import org.tonkla.platform.PersonalDataCipher;
import org.tonkla.registry.internal.Identifiers;
import org.tonkla.registry.internal.NameKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
            c.province_code, c.photo_sha256""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ScopeCheck scopes;
    private final AccessLog accessLog;
    private final Directory directory;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final FileStore files;
    private final org.springframework.context.ApplicationEventPublisher events;
    // Looked up when needed: the record book implements it and itself depends on this registry.
    private final org.springframework.beans.factory.ObjectProvider<HandoverSummaries> handovers;

    ChildRegistry(JdbcClient jdbc, Clock clock, ScopeCheck scopes, AccessLog accessLog, Directory directory,
            PersonalDataCipher cipher, AuditTrail audit, JsonMapper json, FileStore files,
            org.springframework.context.ApplicationEventPublisher events,
            org.springframework.beans.factory.ObjectProvider<HandoverSummaries> handovers) {
        this.events = events;
        this.json = json;
        this.files = files;
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
        if (!user.role().recordsChildren()) throw new AccessDeniedException("This role reads children's records only");
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
            case Identifiers.GCodeNumber g -> jdbc.sql("SELECT id FROM child WHERE g_code = ?")
                    .param(g.code()).query(UUID.class).optional().map(ChildId::new);
            case Identifiers.None none -> Optional.empty();
        };
        if (existing.isPresent()) {
            // The same identifier is the same child, but knowing an identifier must not open a child's record:
            // the unit joins the child only when it also knows the date of birth and sex on record.
            Child known = find(existing.get()).orElseThrow();
            if (!known.dateOfBirth().equals(cmd.dateOfBirth()) || known.sex() != cmd.sex()) {
                throw new IllegalArgumentException("identifier.mismatch");
            }
            if (enrolIfNotYet(existing.get(), unit.id(), cmd, user, today)) {
                accessLog.record(user, existing.get().value(), known.provinceCode(), AccessLog.Action.WRITE, "registration",
                        "already registered; enrolled here");
                audit.record("ENROL", "child", existing.get().toString(), "existing child enrolled at unit " + unit.id());
            }
            return existing.get();
        }
        var keys = NameKeys.of(cmd.givenNameTh(), cmd.familyNameTh());
        if (!cmd.confirmedNew()) {
            var similar = similarChildren(cmd.givenNameTh(), cmd.familyNameTh(), cmd.dateOfBirth(), keys);
            if (!similar.isEmpty()) {
                // Only children the user may already see are named; the others are only counted.
                var visible = similar.stream().filter(c -> mayAccess(user, c.id())).toList();
                throw new DuplicateCandidates(visible, similar.size() - visible.size());
            }
        }
        String subdistrict = blank(cmd.subdistrictCode()) ? unit.subdistrictCode() : cmd.subdistrictCode().trim();
        if (!subdistrict.matches("\\d{6}")
                || directory.area(subdistrict).filter(a -> a.level() == org.tonkla.directory.AreaLevel.SUBDISTRICT).isEmpty()) {
            throw new IllegalArgumentException("subdistrictCode");
        }
        String province = subdistrict.substring(0, 2);
        UUID householdId = UUID.randomUUID();
        if ((cmd.latitude() == null) != (cmd.longitude() == null) || (cmd.latitude() != null
                && (Math.abs(cmd.latitude()) > 90 || Math.abs(cmd.longitude()) > 180))) {
            throw new IllegalArgumentException("latitude");
        }
        jdbc.sql("INSERT INTO household (id, subdistrict_code, province_code, house_no, latitude, longitude) VALUES (?,?,?,?,?,?)")
                .params(householdId, subdistrict, province, emptyToNull(cmd.houseNo()), cmd.latitude(), cmd.longitude())
                .update();
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
                        identifier instanceof Identifiers.GCodeNumber g ? g.code() : null,
                        identifier instanceof Identifiers.None none ? none.reason() : null,
                        householdId, province, keys.lk82(), keys.udom83(), keys.metaSound(), user.username())
                .update();
        enrolIfNotYet(id, unit.id(), cmd, user, today);
        accessLog.record(user, id.value(), province, AccessLog.Action.WRITE, "registration", null);
        audit.record("CREATE", "child", id.toString(), "registered at unit " + unit.id());
        return id;
    }

    /** Enrols the child at the unit unless already there; whether it did. */
    private boolean enrolIfNotYet(ChildId child, UUID unitId, NewChild cmd, CurrentUser user, LocalDate today) {
        boolean enrolled = jdbc.sql("SELECT count(*) FROM enrolment WHERE child_id = ? AND unit_id = ? AND ended_on IS NULL")
                .params(child.value(), unitId).query(Long.class).single() > 0;
        if (enrolled) return false;
        enrol(child, unitId, cmd.enrolmentKind() == null ? EnrolmentKind.ENROLLED : cmd.enrolmentKind(),
                cmd.className(), cmd.enrolledOn() == null ? today : cmd.enrolledOn(), user);
        return true;
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

    private UUID enrol(ChildId child, UUID unitId, EnrolmentKind kind, String className, LocalDate startedOn,
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


    /**
     * Moves a child from the user's unit to the next one: the enrolment here ends, one there starts,
     * and the receiving unit gets the handover summary as of the transfer day.
     */
    @Transactional
    public Transfer transfer(ChildId child, UUID fromUnit, UUID toUnit, LocalDate on, String className, String note,
            CurrentUser user) {
        requireWrite(user, child);
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

    /**
     * Children who arrived at {@code unitId} by transfer and are still enrolled there, newest first,
     * with their handover; each is logged as read for {@code arrivals}.
     */
    public List<Transfer> arrivals(UUID unitId, CurrentUser user) {
        scopes.requireActOn(user, OrgUnit.serviceUnit(unitId));
        if (!user.role().readsChildRecords()) throw new AccessDeniedException("This role reads no child's record");
        var arrivals = jdbc.sql("""
                SELECT t.id, t.child_id, t.from_unit_id, t.to_unit_id, t.transferred_on, t.handover, t.note, t.province_code
                FROM transfer t
                WHERE t.to_unit_id = ? AND EXISTS (SELECT 1 FROM enrolment e
                      WHERE e.child_id = t.child_id AND e.unit_id = t.to_unit_id AND e.ended_on IS NULL)
                ORDER BY t.transferred_on DESC, t.created_at DESC LIMIT 200""")
                .param(unitId)
                .query((rs, i) -> new Object[] {new Transfer(rs.getObject(1, UUID.class), new ChildId(rs.getObject(2, UUID.class)),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getDate(5).toLocalDate(),
                        rs.getString(6).isEmpty() ? List.of() : List.of(rs.getString(6).split("\n")), rs.getString(7)),
                        rs.getString(8)})
                .list();
        accessLog.recordAll(user, arrivals.stream().map(a -> ((Transfer) a[0]).childId().value()).toList(),
                arrivals.stream().map(a -> (String) a[1]).toList(), AccessLog.Action.READ, "arrivals");
        return arrivals.stream().map(a -> (Transfer) a[0]).toList();
    }

    // --- reading

    /**
     * A child with its guardians and enrolments, read together after the access check.
     *
     * @param fullIdentifier the national ID in full (formatted), only for roles that need it on the child page
     */
    public record ChildFile(Child child, List<Guardian> guardians, List<Enrolment> enrolments,
            Optional<String> fullIdentifier) {}

    /** What one query returns about a child: the file, and what the access check needs besides. */
    private record FileRow(Child child, String homeSubdistrict, List<Guardian> guardians, Set<UUID> guardianUsers,
            List<Enrolment> enrolments, byte[] sealedNationalId) {}

    /** Roles that work with a child in person and so may see the full national ID on the child page. */
    private static final Set<Role> SEE_FULL_IDENTIFIER = EnumSet.of(Role.HEALTH_WORKER, Role.CENTER_HEAD,
            Role.CAREGIVER, Role.SOCIAL_WORKER, Role.GUARDIAN);

    /**
     * Opens a child's file for {@code user}: one query, the scope check, and one access-log entry
     * with the purpose (and whether the national ID was shown).
     *
     * @throws java.util.NoSuchElementException when there is no such child
     * @throws AccessDeniedException when the child is outside the user's scope
     */
    public ChildFile openFile(ChildId id, CurrentUser user, String purpose) {
        FileRow row = loadFile(id).orElseThrow(() -> new java.util.NoSuchElementException("No child " + id));
        if (!mayAccess(user, row)) throw new AccessDeniedException("Child outside the user's scope");
        Optional<String> full = SEE_FULL_IDENTIFIER.contains(user.role()) && row.sealedNationalId() != null
                ? Optional.of(new org.tonkla.core.thai.NationalId(cipher.decrypt(row.sealedNationalId())).formatted())
                : Optional.empty();
        accessLog.record(user, id.value(), row.child().provinceCode(), AccessLog.Action.READ, purpose,
                full.isPresent() ? "national ID shown" : null);
        return new ChildFile(row.child(), row.guardians(), row.enrolments(), full);
    }

    /** Whether {@code user} may see and add to this child's record. */
    public boolean mayAccess(CurrentUser user, ChildId child) {
        return loadFile(child).map(row -> mayAccess(user, row)).orElse(false);
    }

    /**
     * The rule: a guardian reaches only their own child; analysts and administrators reach none;
     * everyone else reaches a child enrolled or registered today at a unit inside their scope, and area
     * scopes (officers, social workers and committees of an area) also reach a child by where the family lives.
     */
    private boolean mayAccess(CurrentUser user, FileRow row) {
        if (user.role() == Role.GUARDIAN) return row.guardianUsers().contains(user.id());
        if (!user.role().readsChildRecords()) return false;
        LocalDate today = LocalDate.now(clock);
        for (Enrolment e : row.enrolments()) {
            if (e.activeOn(today) && scopes.mayActOn(user, OrgUnit.serviceUnit(e.unitId()))) return true;
        }
        return row.homeSubdistrict() != null && !(user.scope().unit() instanceof OrgUnit.ServiceUnit)
                && scopes.mayActOn(user, OrgUnit.area(row.homeSubdistrict()));
    }

    private Optional<FileRow> loadFile(ChildId id) {
        return jdbc.sql("SELECT " + CHILD_COLUMNS + """
                , c.national_id_cipher, h.subdistrict_code AS home_subdistrict,
                  (SELECT coalesce(json_agg(json_build_object('id', e.id, 'unitId', e.unit_id, 'kind', e.kind,
                          'className', e.class_name, 'startedOn', e.started_on, 'endedOn', e.ended_on,
                          'endReason', e.end_reason) ORDER BY e.started_on, e.created_at), '[]')
                     FROM enrolment e WHERE e.child_id = c.id) AS enrolments,
                  (SELECT coalesce(json_agg(json_build_object('id', g.id, 'givenNameTh', g.given_name_th,
                          'familyNameTh', g.family_name_th, 'relationship', cg.relationship, 'phone', g.phone,
                          'userId', g.user_id)), '[]')
                     FROM child_guardian cg JOIN guardian g ON g.id = cg.guardian_id WHERE cg.child_id = c.id) AS guardians
                FROM child c LEFT JOIN household h ON h.id = c.household_id
                WHERE c.id = ?""")
                .param(id.value())
                .query((rs, i) -> {
                    Child child = child(rs, i);
                    List<Enrolment> enrolments = new ArrayList<>();
                    for (JsonNode e : json.readTree(rs.getString("enrolments"))) {
                        enrolments.add(new Enrolment(UUID.fromString(e.get("id").asString()), child.id(),
                                UUID.fromString(e.get("unitId").asString()), EnrolmentKind.valueOf(e.get("kind").asString()),
                                text(e, "className"), LocalDate.parse(e.get("startedOn").asString()),
                                e.get("endedOn").isNull() ? null : LocalDate.parse(e.get("endedOn").asString()),
                                text(e, "endReason")));
                    }
                    List<Guardian> guardians = new ArrayList<>();
                    Set<UUID> users = new HashSet<>();
                    for (JsonNode g : json.readTree(rs.getString("guardians"))) {
                        guardians.add(new Guardian(UUID.fromString(g.get("id").asString()), text(g, "givenNameTh"),
                                text(g, "familyNameTh"), text(g, "relationship"), text(g, "phone")));
                        if (!g.get("userId").isNull()) users.add(UUID.fromString(g.get("userId").asString()));
                    }
                    return new FileRow(child, rs.getString("home_subdistrict"), guardians, users, enrolments,
                            rs.getBytes("national_id_cipher"));
                })
                .optional();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** Throws 403 unless the user may access the child. */
    public void requireAccess(CurrentUser user, ChildId child) {
        if (!mayAccess(user, child)) throw new AccessDeniedException("Child outside the user's scope");
    }

    /** Throws 403 unless the user's role records children and the child is in the user's scope. */
    private void requireWrite(CurrentUser user, ChildId child) {
        if (!user.role().recordsChildren()) throw new AccessDeniedException("This role reads children's records only");
        requireAccess(user, child);
    }

    /** The child, after the access check; logs the read with its purpose. */
    public Child open(ChildId id, CurrentUser user, String purpose) {
        return openFile(id, user, purpose).child();
    }

    /** The child without an access check or log: for modules that already checked and logged. */
    public Optional<Child> find(ChildId id) {
        return jdbc.sql("SELECT " + CHILD_COLUMNS + " FROM child c WHERE c.id = ?").param(id.value())
                .query(ChildRegistry::child).optional();
    }

    /**
     * One class of a unit's roster ({@code className} null or blank: the whole unit), by class then
     * name, after the scope check; each child shown is logged with {@code purpose} (e.g. {@code roster}).
     */
    public List<RosterEntry> roster(UUID unitId, String className, CurrentUser user, String purpose) {
        scopes.requireActOn(user, OrgUnit.serviceUnit(unitId));
        if (!user.role().readsChildRecords()) throw new AccessDeniedException("This role reads no child's record");
        var entries = jdbc.sql("SELECT " + CHILD_COLUMNS + """
                , e.class_name FROM enrolment e JOIN child c ON c.id = e.child_id
                WHERE e.unit_id = :unit AND e.ended_on IS NULL
                  AND (CAST(:class AS text) IS NULL OR e.class_name = :class)
                ORDER BY e.class_name NULLS LAST, c.given_name_th, c.family_name_th""")
                .param("unit", unitId).param("class", className == null || className.isBlank() ? null : className)
                .query((rs, i) -> new RosterEntry(child(rs, i), rs.getString("class_name")))
                .list();
        logShown(user, entries.stream().map(RosterEntry::child).toList(), purpose);
        return entries;
    }

    private void logShown(CurrentUser user, List<Child> shown, String purpose) {
        accessLog.recordAll(user, shown.stream().map(c -> c.id().value()).toList(),
                shown.stream().map(Child::provinceCode).toList(), AccessLog.Action.READ, purpose);
    }

    /** The classes of a unit's current roster, sorted. */
    public List<String> classes(UUID unitId, CurrentUser user) {
        scopes.requireActOn(user, OrgUnit.serviceUnit(unitId));
        return jdbc.sql("""
                SELECT DISTINCT class_name FROM enrolment WHERE unit_id = ? AND ended_on IS NULL AND class_name IS NOT NULL
                ORDER BY class_name""").param(unitId).query(String.class).list();
    }

    /** One child of a unit's current roster, if the child is on it. */
    public Optional<RosterEntry> rosterEntry(UUID unitId, ChildId child, CurrentUser user) {
        scopes.requireActOn(user, OrgUnit.serviceUnit(unitId));
        return jdbc.sql("SELECT " + CHILD_COLUMNS + """
                , e.class_name FROM enrolment e JOIN child c ON c.id = e.child_id
                WHERE e.unit_id = ? AND e.child_id = ? AND e.ended_on IS NULL LIMIT 1""")
                .params(unitId, child.value())
                .query((rs, i) -> new RosterEntry(child(rs, i), rs.getString("class_name")))
                .optional();
    }

    /** A child on a unit's roster with the class it is in. */
    public record RosterEntry(Child child, String className) {}

    /**
     * Children the user may see whose name resembles {@code text} or whose identifier is it.
     * National IDs match by their keyed hash; names by trigram similarity.
     */
    public List<Child> search(CurrentUser user, String text, int limit) {
        if (blank(text) || !(user.role().readsChildRecords() || user.role() == Role.GUARDIAN)) return List.of();
        String q = text.trim();
        String digits = q.replaceAll("[\\s-]", "");
        boolean byNationalId = digits.matches("\\d{13}");
        // The user's scope narrows the search in SQL, so a common name still finds the user's own children;
        // mayAccess then applies the exact rule (agency, enrolment dates) to what is left.
        String kind;
        Object unit = null;
        String prefix = null;
        if (user.role() == Role.GUARDIAN) {
            kind = "GUARDIAN";
        } else {
            switch (user.scope().unit()) {
                case OrgUnit.Country c -> kind = "COUNTRY";
                case OrgUnit.Area area -> { kind = "AREA"; prefix = area.code() + "%"; }
                case OrgUnit.ServiceUnit su -> { kind = "UNIT"; unit = su.id(); }
            }
        }
        List<Child> found = jdbc.sql("SELECT " + CHILD_COLUMNS + """
                 FROM child c LEFT JOIN household h ON h.id = c.household_id
                WHERE (CASE WHEN :byId THEN c.national_id_hash = :hash
                            ELSE c.g_code = :q OR (c.given_name_th || ' ' || c.family_name_th) ILIKE '%' || :q || '%'
                                 OR (c.given_name_th || ' ' || c.family_name_th) % :q END)
                  AND (:kind = 'COUNTRY'
                       OR (:kind = 'UNIT' AND EXISTS (SELECT 1 FROM enrolment e
                             WHERE e.child_id = c.id AND e.unit_id = CAST(:unit AS uuid) AND e.ended_on IS NULL))
                       OR (:kind = 'AREA' AND (h.subdistrict_code LIKE :prefix OR EXISTS (SELECT 1 FROM enrolment e
                             JOIN directory_unit_place p ON p.unit_id = e.unit_id
                             WHERE e.child_id = c.id AND e.ended_on IS NULL AND p.subdistrict_code LIKE :prefix)))
                       OR (:kind = 'GUARDIAN' AND EXISTS (SELECT 1 FROM child_guardian cg JOIN guardian g ON g.id = cg.guardian_id
                             WHERE cg.child_id = c.id AND g.user_id = :user)))
                ORDER BY similarity(c.given_name_th || ' ' || c.family_name_th, :q) DESC LIMIT 200""")
                .param("byId", byNationalId).param("hash", byNationalId ? cipher.lookupHash(digits) : new byte[0])
                .param("q", q).param("kind", kind).param("unit", unit).param("prefix", prefix).param("user", user.id())
                .query(ChildRegistry::child).list();
        var shown = found.stream().filter(c -> mayAccess(user, c.id())).limit(limit).toList();
        logShown(user, shown, "search");
        return shown;
    }

    // --- guardians

    /** Links a guardian (optionally with a Tonkla account) to a child. */
    @Transactional
    public UUID addGuardian(ChildId child, String givenNameTh, String familyNameTh, String relationship, String phone,
            UUID userId, CurrentUser by) {
        requireWrite(by, child);
        if (blank(givenNameTh)) throw new IllegalArgumentException("guardianGivenNameTh");
        if (blank(familyNameTh)) throw new IllegalArgumentException("guardianFamilyNameTh");
        if (blank(relationship)) throw new IllegalArgumentException("relationship");
        String province = provinceOf(child);
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO guardian (id, given_name_th, family_name_th, phone, user_id, province_code) VALUES (?,?,?,?,?,?)")
                .params(id, givenNameTh.trim(), familyNameTh.trim(), emptyToNull(phone), userId, province).update();
        jdbc.sql("INSERT INTO child_guardian (child_id, guardian_id, relationship, province_code) VALUES (?,?,?,?)")
                .params(child.value(), id, relationship.trim(), province).update();
        accessLog.record(by, child.value(), province, AccessLog.Action.WRITE, "registration", "guardian added");
        return id;
    }

    /** A guardian of a child. */
    public record Guardian(UUID id, String givenNameTh, String familyNameTh, String relationship, String phone) {}


    /** The children of the guardian who has this user account. */
    public List<Child> childrenOfGuardian(CurrentUser user) {
        return jdbc.sql("SELECT " + CHILD_COLUMNS + """
                 FROM child c JOIN child_guardian cg ON cg.child_id = c.id JOIN guardian g ON g.id = cg.guardian_id
                WHERE g.user_id = ? ORDER BY c.date_of_birth""")
                .param(user.id()).query(ChildRegistry::child).list();
    }

    // --- photo

    /** Child photos: at most this large when uploaded, and kept at most this many pixels on the long edge. */
    static final long PHOTO_MAX_BYTES = 8L * 1024 * 1024;
    static final int PHOTO_MAX_EDGE = 600;

    /**
     * Sets the child's photo (JPEG or PNG, re-encoded without EXIF/GPS, scaled down). A previous
     * photo stays in the file store and in the corrections history.
     *
     * @throws IllegalArgumentException {@code photo.EMPTY}, {@code photo.TOO_LARGE} or {@code photo.TYPE}
     */
    @Transactional
    public void setPhoto(ChildId child, String fileName, byte[] bytes, CurrentUser user) {
        requireWrite(user, child);
        FileStore.Stored stored;
        try {
            stored = files.store(fileName, bytes, PHOTO_MAX_BYTES, false, PHOTO_MAX_EDGE);
        } catch (FileStore.Refused e) {
            throw new IllegalArgumentException("photo." + e.problem());
        }
        String old = jdbc.sql("SELECT photo_sha256 FROM child WHERE id = ?").param(child.value())
                .query(String.class).list().getFirst(); // null before the first photo
        jdbc.sql("UPDATE child SET photo_sha256 = ?, updated_at = now() WHERE id = ?").params(stored.sha256(), child.value())
                .update();
        String province = provinceOf(child);
        jdbc.sql("""
                INSERT INTO child_correction (id, child_id, field, old_value, new_value, reason, corrected_by, corrected_at,
                                              province_code) VALUES (?,?,'photo',?,?,?,?,now(),?)""")
                .params(UUID.randomUUID(), child.value(), old, stored.sha256(), old == null ? "new photo" : "photo replaced",
                        user.username(), province).update();
        accessLog.record(user, child.value(), province, AccessLog.Action.WRITE, "photo", null);
    }

    /**
     * The photo of a child the caller has already opened (through {@link #openFile}, which checked
     * scope and wrote the log), as a {@code data:} URI to embed in the page.
     */
    public Optional<String> photoDataUri(Child child) {
        if (child.photoSha256() == null) return Optional.empty();
        byte[] bytes = files.read(child.photoSha256());
        boolean png = bytes.length > 1 && (bytes[0] & 0xff) == 0x89;
        return Optional.of("data:" + (png ? "image/png" : "image/jpeg") + ";base64,"
                + java.util.Base64.getEncoder().encodeToString(bytes));
    }

    // --- corrections

    /** Corrects a name or the date of birth; the old value stays in {@code child_correction} with who and why. */
    @Transactional
    public void correct(ChildId child, String field, String newValue, String reason, CurrentUser user) {
        requireWrite(user, child);
        if (blank(reason)) throw new IllegalArgumentException("reason");
        String column = switch (field) {
            case "givenNameTh" -> "given_name_th";
            case "familyNameTh" -> "family_name_th";
            case "givenNameEn" -> "given_name_en";
            case "familyNameEn" -> "family_name_en";
            case "dateOfBirth" -> "date_of_birth";
            default -> throw new IllegalArgumentException("field");
        };
        if (blank(newValue) && column.endsWith("_th")) throw new IllegalArgumentException("newValue");
        Object value;
        if (column.equals("date_of_birth")) {
            try {
                LocalDate dob = LocalDate.parse(newValue == null ? "" : newValue.trim());
                if (dob.isAfter(LocalDate.now(clock))) throw new IllegalArgumentException("newValue");
                value = Date.valueOf(dob);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("newValue");
            }
        } else {
            value = emptyToNull(newValue);
        }
        String old = jdbc.sql("SELECT CAST(" + column + " AS text) FROM child WHERE id = ?").param(child.value())
                .query(String.class).list().getFirst(); // null for an English name never given
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
        audit.record("CORRECT", "child", child.toString(), field + " (" + reason.trim() + ")");
        if (column.equals("date_of_birth") && old != null) {
            events.publishEvent(new ChildDateOfBirthCorrected(child, LocalDate.parse(old), (LocalDate) ((Date) value).toLocalDate()));
        }
    }

    /** A correction of a child's identity: the value before and after, who and why. */
    public record Correction(String field, String oldValue, String newValue, String reason, String correctedBy,
            java.time.Instant correctedAt) {}

    /** The corrections of a child's identity, newest first; no access check: callers check. */
    public List<Correction> corrections(ChildId child) {
        return jdbc.sql("""
                SELECT field, old_value, new_value, reason, corrected_by, corrected_at FROM child_correction
                WHERE child_id = ? ORDER BY corrected_at DESC""")
                .param(child.value())
                .query((rs, i) -> new Correction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
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
                rs.getString("province_code"), rs.getString("photo_sha256"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s.trim();
    }
}
