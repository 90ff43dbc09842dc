package org.tonkla.registry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.platform.PersonalDataCipher;
import org.tonkla.platform.Validation;
import org.tonkla.registry.internal.ChildRows;
import org.tonkla.registry.internal.LookupQuota;

/**
 * Lists of children: search by name or identifier, a unit's roster, a guardian's children. Each list
 * is narrowed to the user's reach and every child shown is logged with the list's purpose.
 */
@Component
public class ChildSearch {

    private final JdbcClient jdbc;
    private final ChildAccess access;
    private final PersonalDataCipher cipher;
    private final LookupQuota quota;

    ChildSearch(JdbcClient jdbc, ChildAccess access, PersonalDataCipher cipher, LookupQuota quota) {
        this.jdbc = jdbc;
        this.access = access;
        this.cipher = cipher;
        this.quota = quota;
    }

    /**
     * One class of a unit's roster ({@code className} null or blank: the whole unit), by class then name;
     * each child shown is logged with {@code purpose} (e.g. {@code roster}, {@code worklist}).
     */
    @Transactional
    public List<RosterEntry> roster(UUID unitId, String className, CurrentUser user, String purpose) {
        access.requireUnitList(user, unitId);
        var entries = jdbc.sql("SELECT " + ChildRows.COLUMNS + """
                , e.class_name FROM enrolment e JOIN child c ON c.id = e.child_id
                WHERE e.unit_id = :unit AND e.ended_on IS NULL
                  AND (CAST(:class AS text) IS NULL OR e.class_name = :class)
                ORDER BY e.class_name NULLS LAST, c.given_name_th, c.family_name_th""")
                .param("unit", unitId).param("class", className == null || className.isBlank() ? null : className)
                .query((rs, i) -> new RosterEntry(ChildRows.child(rs, i), rs.getString("class_name")))
                .list();
        access.shown(user, entries.stream().map(RosterEntry::child).toList(), purpose);
        return entries;
    }

    /**
     * The children of a unit's current roster, not logged: for a caller that shows only some of them (a FHIR page)
     * and opens each it shows through {@link ChildAccess#open}, which logs that read.
     */
    @Transactional(readOnly = true)
    public List<Child> rosterToOpen(UUID unitId, CurrentUser user) {
        access.requireUnitList(user, unitId);
        return jdbc.sql("SELECT " + ChildRows.COLUMNS + """
                 FROM enrolment e JOIN child c ON c.id = e.child_id
                WHERE e.unit_id = :unit AND e.ended_on IS NULL
                ORDER BY e.class_name NULLS LAST, c.given_name_th, c.family_name_th""")
                .param("unit", unitId).query(ChildRows::child).list();
    }

    /** The classes of a unit's current roster, sorted. */
    public List<String> classes(UUID unitId, CurrentUser user) {
        access.requireUnitList(user, unitId);
        return jdbc.sql("""
                SELECT DISTINCT class_name FROM enrolment WHERE unit_id = ? AND ended_on IS NULL AND class_name IS NOT NULL
                ORDER BY class_name""").param(unitId).query(String.class).list();
    }

    /** One child of a unit's current roster, if the child is on it; logged as shown for {@code purpose}. */
    @Transactional
    public Optional<RosterEntry> rosterEntry(UUID unitId, ChildId child, CurrentUser user, String purpose) {
        access.requireUnitList(user, unitId);
        var entry = jdbc.sql("SELECT " + ChildRows.COLUMNS + """
                , e.class_name FROM enrolment e JOIN child c ON c.id = e.child_id
                WHERE e.unit_id = ? AND e.child_id = ? AND e.ended_on IS NULL LIMIT 1""")
                .params(unitId, child.value())
                .query((rs, i) -> new RosterEntry(ChildRows.child(rs, i), rs.getString("class_name")))
                .optional();
        entry.ifPresent(e -> access.shown(user, List.of(e.child()), purpose));
        return entry;
    }

    /**
     * Children the user may see whose name resembles {@code text} or whose national ID or G-code it is.
     * National IDs match by their keyed hash; names by trigram similarity. A search by identifier counts
     * against the user's hourly identity look-ups.
     *
     * @throws org.tonkla.platform.InvalidInput naming {@code q} (over 100 characters) or {@code limit} (not 1–200)
     */
    @Transactional
    public List<Child> search(CurrentUser user, String text, int limit) {
        new Validation().optionalText("q", text, 100).limit("limit", limit, 200).throwIfInvalid();
        if (ChildRows.blank(text) || !(user.role().readsChildRecords() || user.role() == Role.GUARDIAN)) return List.of();
        String q = text.strip();
        String digits = q.replaceAll("[\\s-]", "");
        boolean byNationalId = digits.matches("\\d{13}");
        if (byNationalId || q.matches("(?i)G\\d{12}")) quota.spend(user);
        // The user's scope narrows the search in SQL, so a common name still finds the user's own children;
        // the access rule then applies exactly (agency, enrolment dates) to what is left.
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
        List<Child> found = jdbc.sql("SELECT " + ChildRows.COLUMNS + """
                 FROM child c LEFT JOIN household h ON h.id = c.household_id
                WHERE (CASE WHEN :byId THEN c.national_id_hash = :hash
                            ELSE c.g_code = upper(:q) OR (c.given_name_th || ' ' || c.family_name_th) ILIKE '%' || :q || '%'
                                 OR (c.given_name_th || ' ' || c.family_name_th) % :q
                                 -- tone marks optional: "นำใส" finds "น้ำใส" (V111)
                                 OR strpos(c.name_plain, registry_plain(:q)) > 0 OR c.name_plain % registry_plain(:q) END)
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
                .query(ChildRows::child).list();
        var shown = found.stream().filter(c -> access.mayAccess(user, c.id())).limit(limit).toList();
        access.shown(user, shown, "search");
        return shown;
    }

    /** The children of the guardian who has this user account, logged as shown to the guardian. */
    @Transactional
    public List<Child> childrenOfGuardian(CurrentUser user) {
        if (user.role() != Role.GUARDIAN) return List.of();
        var children = jdbc.sql("SELECT " + ChildRows.COLUMNS + """
                 FROM child c JOIN child_guardian cg ON cg.child_id = c.id JOIN guardian g ON g.id = cg.guardian_id
                WHERE g.user_id = ? ORDER BY c.date_of_birth""")
                .param(user.id()).query(ChildRows::child).list();
        access.shown(user, children, "family");
        return children;
    }
}
