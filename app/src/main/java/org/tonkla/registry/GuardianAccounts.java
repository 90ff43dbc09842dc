package org.tonkla.registry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Role;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.PersonalDataCipher;
import org.tonkla.platform.Refused;
import org.tonkla.platform.Validation;
import org.tonkla.registry.internal.ChildRows;
import org.tonkla.registry.internal.LookupQuota;

/**
 * An administrator links a guardian's account to a child (issue 10 §6), so that the parent sees the child on the
 * family pages. Administrators open no child's record ({@link ChildAccess}): here they see only what telling
 * children apart needs (name, date of birth, the masked ID), each child shown is logged in the family's access log
 * (purpose {@code guardian-link}), the link itself is a write in that log and an audit event, and a search by
 * national ID counts against the hourly identity look-ups as a recorder's does.
 */
@Component
public class GuardianAccounts {

    /** A child as the administrator picks it: enough to tell children apart, nothing more. */
    public record Pick(ChildId id, String fullNameTh, java.time.LocalDate dateOfBirth, String maskedIdentifier) {}

    /** A guardian of the child as the household records it, with or without an account. */
    public record Known(UUID id, String name, String relationship, boolean hasAccount) {}

    private static final int LIMIT = 20;

    private final JdbcClient jdbc;
    private final ChildAccess access;
    private final Accounts accounts;
    private final PersonalDataCipher cipher;
    private final LookupQuota quota;
    private final AuditTrail audit;

    GuardianAccounts(JdbcClient jdbc, ChildAccess access, Accounts accounts, PersonalDataCipher cipher,
            LookupQuota quota, AuditTrail audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.accounts = accounts;
        this.cipher = cipher;
        this.quota = quota;
        this.audit = audit;
    }

    /**
     * Children whose name resembles {@code text} (tone marks optional) or whose national ID or G-code it is.
     *
     * @throws InvalidInput naming {@code q} (over 100 characters)
     */
    @Transactional
    public List<Pick> find(CurrentUser admin, String text) {
        requireAdministrator(admin);
        new Validation().optionalText("q", text, 100).throwIfInvalid();
        if (ChildRows.blank(text)) return List.of();
        String q = text.strip();
        String digits = q.replaceAll("[\\s-]", "");
        boolean byNationalId = digits.matches("\\d{13}");
        if (byNationalId || q.matches("(?i)G\\d{12}")) quota.spend(admin);
        List<Child> found = jdbc.sql("SELECT " + ChildRows.COLUMNS + """
                 FROM child c
                WHERE CASE WHEN :byId THEN c.national_id_hash = :hash
                           ELSE c.g_code = upper(:q) OR (c.given_name_th || ' ' || c.family_name_th) ILIKE '%' || :q || '%'
                                OR strpos(c.name_plain, registry_plain(:q)) > 0 OR c.name_plain % registry_plain(:q) END
                ORDER BY similarity(c.given_name_th || ' ' || c.family_name_th, :q) DESC, c.date_of_birth DESC LIMIT :limit""")
                .param("byId", byNationalId).param("hash", byNationalId ? cipher.lookupHash(digits) : new byte[0])
                .param("q", q).param("limit", LIMIT).query(ChildRows::child).list();
        access.shown(admin, found, "guardian-link");
        return found.stream().map(GuardianAccounts::pick).toList();
    }

    /** One child to confirm the link with, logged as shown; empty when there is no such child. */
    @Transactional
    public Optional<Pick> pick(CurrentUser admin, ChildId child) {
        requireAdministrator(admin);
        var found = jdbc.sql("SELECT " + ChildRows.COLUMNS + " FROM child c WHERE c.id = ?").param(child.value())
                .query(ChildRows::child).optional();
        found.ifPresent(c -> access.shown(admin, List.of(c), "guardian-link"));
        return found.map(GuardianAccounts::pick);
    }

    /** The child's guardians as the household records them, to pick the one this account belongs to. */
    public List<Known> guardiansOf(CurrentUser admin, ChildId child) {
        requireAdministrator(admin);
        return jdbc.sql("""
                SELECT g.id, g.given_name_th || ' ' || g.family_name_th, cg.relationship, g.user_id IS NOT NULL
                FROM child_guardian cg JOIN guardian g ON g.id = cg.guardian_id WHERE cg.child_id = ? ORDER BY 2""")
                .param(child.value())
                .query((rs, i) -> new Known(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    /** The children linked to a guardian's account, with the relationship. */
    public List<Known> childrenOf(CurrentUser admin, UUID accountId) {
        requireAdministrator(admin);
        return jdbc.sql("""
                SELECT c.id, c.given_name_th || ' ' || c.family_name_th, cg.relationship, true
                FROM guardian g JOIN child_guardian cg ON cg.guardian_id = g.id JOIN child c ON c.id = cg.child_id
                WHERE g.user_id = ? ORDER BY c.date_of_birth""")
                .param(accountId)
                .query((rs, i) -> new Known(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), true))
                .list();
    }

    /**
     * Links the guardian account to the child: to the household's record of this guardian ({@code existing}, one
     * without an account yet), or as a new guardian of the child named as the account is.
     *
     * @throws InvalidInput naming {@code relationship} or {@code existing}
     * @throws NotFound when there is no such account or child
     * @throws Conflict when the account is not a guardian's, or already linked to the child
     */
    @Transactional
    public void link(CurrentUser admin, ChildId child, UUID accountId, String relationship, UUID existing) {
        requireAdministrator(admin);
        new Validation().requiredText("relationship", relationship, 50).throwIfInvalid();
        var account = accounts.find(accountId).orElseThrow(() -> new NotFound("account"));
        if (account.role() != Role.GUARDIAN) throw new Conflict("registry.guardianLink.notGuardian", "Not a guardian's account");
        Child c = jdbc.sql("SELECT " + ChildRows.COLUMNS + " FROM child c WHERE c.id = ?").param(child.value())
                .query(ChildRows::child).optional().orElseThrow(() -> new NotFound("child"));
        UUID guardian = jdbc.sql("SELECT id FROM guardian WHERE user_id = ?").param(accountId).query(UUID.class).optional()
                .orElse(null);
        if (guardian != null && linked(child, guardian)) {
            throw new Conflict("registry.guardianLink.already", "The account is already linked to the child");
        }
        if (guardian == null && existing != null) {
            // The household's record of this very person gets the account: compare-and-set, nobody else's.
            if (jdbc.sql("""
                    UPDATE guardian SET user_id = ? WHERE id = ? AND user_id IS NULL
                      AND EXISTS (SELECT 1 FROM child_guardian WHERE child_id = ? AND guardian_id = guardian.id)""")
                    .params(accountId, existing, child.value()).update() != 1) {
                throw new InvalidInput("existing", "a guardian of the child without an account");
            }
            jdbc.sql("UPDATE child_guardian SET relationship = ? WHERE child_id = ? AND guardian_id = ?")
                    .params(relationship.strip(), child.value(), existing).update();
        } else {
            if (guardian == null) {
                guardian = UUID.randomUUID();
                String[] name = account.displayName().strip().split("\\s+", 2);
                jdbc.sql("INSERT INTO guardian (id, given_name_th, family_name_th, user_id, province_code) VALUES (?,?,?,?,?)")
                        .params(guardian, name[0], name.length > 1 ? name[1] : "-", accountId, c.provinceCode()).update();
            }
            jdbc.sql("INSERT INTO child_guardian (child_id, guardian_id, relationship, province_code) VALUES (?,?,?,?)")
                    .params(child.value(), guardian, relationship.strip(), c.provinceCode()).update();
        }
        audit.record("LINK_GUARDIAN", "child", child.value().toString(),
                "account " + account.username() + " as " + relationship.strip());
        access.logWrite(admin, child, c.provinceCode(), "guardian-link", "guardian account " + account.username() + " linked");
    }

    private boolean linked(ChildId child, UUID guardian) {
        return jdbc.sql("SELECT count(*) FROM child_guardian WHERE child_id = ? AND guardian_id = ?")
                .params(child.value(), guardian).query(Integer.class).single() > 0;
    }

    private static void requireAdministrator(CurrentUser user) {
        if (user.role() != Role.ADMINISTRATOR) throw new Refused("Administrators link guardian accounts");
    }

    private static Pick pick(Child c) {
        return new Pick(c.id(), c.fullNameTh(), c.dateOfBirth(), c.maskedIdentifier());
    }
}
