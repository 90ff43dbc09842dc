package org.tonkla.consent;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Role;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Refused;
import org.tonkla.platform.Validation;

/**
 * Administrators turn the MOU into agreements: draft, activate, amend and expire them; every change is in
 * the audit trail with what changed. An active agreement is read by {@link Agreements} on the next request.
 */
@Component
public class AgreementAdmin {

    public enum Status { DRAFT, ACTIVE, EXPIRED }

    public enum Level { NAMED, PSEUDONYMISED, AGGREGATE }

    /** An agreement as entered and as listed. */
    public record Agreement(UUID id, String code, String titleTh, String titleEn, String legalBasis, Level level,
            String areaCode, LocalDate validFrom, LocalDate validTo, Status status, int revision,
            Set<String> parties, Set<DataCategory> categories, Set<Purpose> purposes) {}

    /** What an administrator enters. */
    public record Draft(String code, String titleTh, String titleEn, String legalBasis, Level level, String areaCode,
            LocalDate validFrom, LocalDate validTo, Set<String> parties, Set<DataCategory> categories,
            Set<Purpose> purposes) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    AgreementAdmin(JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public List<Agreement> list() {
        return jdbc.sql("SELECT id FROM agreement ORDER BY status, code").query(UUID.class).list().stream()
                .map(id -> find(id).orElseThrow()).toList();
    }

    public Optional<Agreement> find(UUID id) {
        return jdbc.sql("""
                SELECT id, code, title_th, title_en, legal_basis, release_level, area_code, valid_from, valid_to, status,
                       revision FROM agreement WHERE id = ?""")
                .param(id)
                .query((rs, i) -> new Agreement(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), Level.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getDate(8).toLocalDate(), rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate(),
                        Status.valueOf(rs.getString(10)), rs.getInt(11),
                        new TreeSet<>(strings("agreement_party", "agency_code", id)),
                        enums(DataCategory.class, strings("agreement_category", "category", id)),
                        enums(Purpose.class, strings("agreement_purpose", "purpose", id))))
                .optional();
    }

    /** Stores a new agreement as a draft. */
    @Transactional
    public UUID draft(Draft d, CurrentUser admin) {
        requireAdmin(admin);
        validate(d);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO agreement (id, code, title_th, title_en, legal_basis, release_level, area_code, valid_from,
                                           valid_to, status, created_by) VALUES (?,?,?,?,?,?,?,?,?,'DRAFT',?)""")
                    .params(id, d.code().strip(), d.titleTh().strip(), blankToNull(d.titleEn()), d.legalBasis().strip(),
                            d.level().name(), blankToNull(d.areaCode()), Date.valueOf(d.validFrom()),
                            d.validTo() == null ? null : Date.valueOf(d.validTo()), admin.username())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new Conflict("agreement.error.codeTaken", "An agreement with this code exists");
        }
        writeLists(id, d);
        audit.record("CREATE", "agreement", id.toString(), describe(d));
        return id;
    }

    /** Changes an agreement (a draft, or an active one: the amendment applies from the next read). */
    @Transactional
    public void amend(UUID id, int revision, Draft d, CurrentUser admin) {
        requireAdmin(admin);
        validate(d);
        var before = find(id).orElseThrow(() -> new NotFound("agreement"));
        if (before.status() == Status.EXPIRED) throw new Conflict("agreement.error.expired", "An expired agreement stays as it was");
        int changed = jdbc.sql("""
                UPDATE agreement SET title_th = ?, title_en = ?, legal_basis = ?, release_level = ?, area_code = ?,
                       valid_from = ?, valid_to = ?, revision = revision + 1, updated_by = ?, updated_at = ?
                WHERE id = ? AND revision = ? AND status <> 'EXPIRED'""")
                .params(d.titleTh().strip(), blankToNull(d.titleEn()), d.legalBasis().strip(), d.level().name(),
                        blankToNull(d.areaCode()), Date.valueOf(d.validFrom()), d.validTo() == null ? null : Date.valueOf(d.validTo()),
                        admin.username(), Timestamp.from(Instant.now(clock)), id, revision)
                .update();
        if (changed == 0) throw Conflict.changedMeanwhile("agreement");
        for (String table : List.of("agreement_party", "agreement_category", "agreement_purpose")) {
            jdbc.sql("DELETE FROM " + table + " WHERE agreement_id = ?").param(id).update();
        }
        writeLists(id, d);
        audit.record("AMEND", "agreement", id.toString(), "was: " + describe(before) + " | now: " + describe(d));
    }

    /** DRAFT → ACTIVE, or ACTIVE/DRAFT → EXPIRED (from today). */
    @Transactional
    public void changeStatus(UUID id, int revision, Status to, CurrentUser admin) {
        requireAdmin(admin);
        var a = find(id).orElseThrow(() -> new NotFound("agreement"));
        boolean allowed = (a.status() == Status.DRAFT && to == Status.ACTIVE) || (a.status() != Status.EXPIRED && to == Status.EXPIRED);
        if (!allowed) throw new Conflict("agreement.error.step", "An agreement cannot go from " + a.status() + " to " + to);
        LocalDate today = LocalDate.now(clock);
        int changed = jdbc.sql("""
                UPDATE agreement SET status = ?, revision = revision + 1, updated_by = ?, updated_at = ?,
                       valid_to = CASE WHEN ? = 'EXPIRED' THEN greatest(valid_from, least(coalesce(valid_to, ?), ?))
                                       ELSE valid_to END
                WHERE id = ? AND status = ? AND revision = ?""")
                .params(to.name(), admin.username(), Timestamp.from(Instant.now(clock)), to.name(), Date.valueOf(today),
                        Date.valueOf(today), id, a.status().name(), revision)
                .update();
        if (changed == 0) throw Conflict.changedMeanwhile("agreement");
        audit.record(to.name(), "agreement", id.toString(), a.code());
    }

    private void writeLists(UUID id, Draft d) {
        for (String agency : d.parties()) {
            jdbc.sql("INSERT INTO agreement_party (agreement_id, agency_code) VALUES (?, ?)").params(id, agency.strip()).update();
        }
        for (DataCategory c : d.categories()) {
            jdbc.sql("INSERT INTO agreement_category (agreement_id, category) VALUES (?, ?)").params(id, c.name()).update();
        }
        for (Purpose p : d.purposes()) {
            jdbc.sql("INSERT INTO agreement_purpose (agreement_id, purpose) VALUES (?, ?)").params(id, p.name()).update();
        }
    }

    private void validate(Draft d) {
        var v = new Validation()
                .check(d.code() != null && d.code().strip().matches("[A-Za-z0-9._-]{2,40}"), "code",
                        "2 to 40 letters, digits, '.', '_' or '-'")
                .requiredText("titleTh", d.titleTh(), Validation.MAX_TEXT)
                .optionalText("titleEn", d.titleEn(), Validation.MAX_TEXT)
                .requiredText("legalBasis", d.legalBasis(), Validation.MAX_NOTE)
                .check(d.level() != null, "level", "NAMED, PSEUDONYMISED or AGGREGATE")
                .check(d.areaCode() == null || d.areaCode().isBlank() || jdbc.sql("SELECT count(*) FROM area WHERE code = ?")
                        .param(d.areaCode().strip()).query(Long.class).single() == 1, "areaCode", "a DOPA area code, or blank for the country")
                .date("validFrom", d.validFrom(), null, null)
                .check(d.parties() != null && d.parties().size() >= 2 && d.parties().stream().allMatch(p -> jdbc
                        .sql("SELECT count(*) FROM agency WHERE code = ?").param(p.strip()).query(Long.class).single() == 1),
                        "parties", "at least two existing agency codes")
                .check(d.categories() != null && !d.categories().isEmpty(), "categories", "at least one data category")
                .check(d.purposes() != null && !d.purposes().isEmpty(), "purposes", "at least one purpose");
        if (d.validTo() != null) v.date("validTo", d.validTo(), d.validFrom(), null);
        v.throwIfInvalid();
    }

    private List<String> strings(String table, String column, UUID id) {
        return jdbc.sql("SELECT " + column + " FROM " + table + " WHERE agreement_id = ? ORDER BY 1").param(id)
                .query(String.class).list();
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, List<String> names) {
        var set = EnumSet.noneOf(type);
        for (String n : names) set.add(Enum.valueOf(type, n));
        return set;
    }

    private static String describe(Draft d) {
        return d.code() + " " + d.parties() + " " + d.categories() + " " + d.purposes() + " " + d.level() + " area "
                + (d.areaCode() == null ? "country" : d.areaCode()) + " " + d.validFrom() + "–" + d.validTo();
    }

    private static String describe(Agreement a) {
        return describe(new Draft(a.code(), a.titleTh(), a.titleEn(), a.legalBasis(), a.level(), a.areaCode(), a.validFrom(),
                a.validTo(), a.parties(), a.categories(), a.purposes()));
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.is(Role.ADMINISTRATOR)) throw new Refused("Administrators manage agreements");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
