package org.tonkla.protection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.directory.AreaLevel;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.ScopeCheck;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Refused;
import org.tonkla.platform.Validation;

/**
 * The screening items and the rule in force per province: the national default ({@code TH}) unless the province
 * has set its own. Administrators change any rule; a provincial officer changes their province's.
 */
@Component
public class RiskRules {

    /** What an administrator or officer sends: a weight (0–10) for every item and the two thresholds. */
    public record RuleInput(Map<String, Integer> weights, Integer mediumAt, Integer highAt, Integer revision) {}

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ScopeCheck scopes;
    private final AuditTrail audit;
    private final Clock clock;

    RiskRules(JdbcClient jdbc, Directory directory, ScopeCheck scopes, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The screening items, in the order the form lists them. */
    public List<String> items() {
        return jdbc.sql("SELECT code FROM protection_item ORDER BY position").query(String.class).list();
    }

    /** The rule a screening of a child of {@code provinceCode} follows: the province's own, else the national. */
    public RiskRule inForce(String provinceCode) {
        return load(provinceCode).orElseGet(() -> load(RiskRule.NATIONAL).orElseThrow());
    }

    /** The rule for a province (or {@code TH}) as the people who may change it see it; 404 for anyone else. */
    public RiskRule forEditing(String code, CurrentUser user) {
        requireEditor(code, user);
        return inForce(code);
    }

    /**
     * Sets a province's own rule (or the national default): every item's weight and both thresholds, after the
     * revision the editor saw; audited.
     *
     * @throws org.tonkla.platform.InvalidInput naming {@code weights.<item>}, {@code mediumAt} or {@code highAt}
     * @throws Conflict when the rule changed meanwhile
     */
    @Transactional
    public RiskRule save(String code, RuleInput in, CurrentUser user) {
        requireEditor(code, user);
        var v = new Validation();
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (String item : items()) {
            Integer w = in.weights() == null ? null : in.weights().get(item);
            v.check(w != null && w >= 0 && w <= 10, "weights." + item, "a whole number from 0 to 10");
            weights.put(item, w);
        }
        v.check(in.mediumAt() != null && in.mediumAt() > 0, "mediumAt", "a whole number above 0");
        v.check(in.highAt() != null && in.mediumAt() != null && in.highAt() > in.mediumAt(), "highAt",
                "a whole number above the medium threshold");
        v.throwIfInvalid();
        RiskRule current = inForce(code);
        int expected = current.provinceCode().equals(code) ? current.revision() : 0;
        v.check(in.revision() != null, "revision", "the revision of the rule in force (0 for a province's first)");
        v.throwIfInvalid();
        if (in.revision() != expected) throw Conflict.changedMeanwhile("rule");
        Timestamp now = Timestamp.from(Instant.now(clock));
        // Compare-and-set on the revision column: a province's first rule is inserted at revision 1 (0 means "no
        // own rule yet") and only if none is there, so two editors who both saw the national rule cannot both win.
        int changed = in.revision() == 0
                ? jdbc.sql("""
                        INSERT INTO protection_rule (province_code, medium_at, high_at, revision, updated_by, updated_at)
                        VALUES (:code, :medium, :high, 1, :by, :at) ON CONFLICT (province_code) DO NOTHING""")
                        .param("code", code).param("medium", in.mediumAt()).param("high", in.highAt())
                        .param("by", user.username()).param("at", now).update()
                : jdbc.sql("""
                        UPDATE protection_rule SET medium_at = :medium, high_at = :high, revision = revision + 1,
                            updated_by = :by, updated_at = :at
                        WHERE province_code = :code AND revision = :revision""")
                        .param("code", code).param("medium", in.mediumAt()).param("high", in.highAt())
                        .param("by", user.username()).param("at", now).param("revision", in.revision()).update();
        if (changed == 0) throw Conflict.changedMeanwhile("rule");
        jdbc.sql("DELETE FROM protection_weight WHERE province_code = ?").param(code).update();
        weights.forEach((item, w) -> jdbc.sql("INSERT INTO protection_weight (province_code, item_code, weight) VALUES (?, ?, ?)")
                .params(code, item, w).update());
        audit.record("protection.rule.saved", "protection_rule", code,
                "medium at " + in.mediumAt() + ", high at " + in.highAt() + ", weights " + weights);
        return inForce(code);
    }

    private void requireEditor(String code, CurrentUser user) {
        boolean province = code != null && code.matches("[0-9]{2}")
                && directory.area(code).map(a -> a.level() == AreaLevel.PROVINCE).orElse(false);
        if (!RiskRule.NATIONAL.equals(code) && !province) throw new NotFound("province");
        if (user.role() == Role.ADMINISTRATOR) return;
        if (user.role() == Role.PROVINCIAL_OFFICER && province && scopes.mayActOn(user, OrgUnit.area(code))) return;
        throw new Refused("Only administrators and the province's officers set the protection screening rule");
    }

    private java.util.Optional<RiskRule> load(String code) {
        return jdbc.sql("SELECT medium_at, high_at, revision FROM protection_rule WHERE province_code = ?").param(code)
                .query((rs, i) -> new RiskRule(code, weights(code), rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .optional();
    }

    private Map<String, Integer> weights(String code) {
        Map<String, Integer> w = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT i.code, coalesce(w.weight, 0) FROM protection_item i
                LEFT JOIN protection_weight w ON w.item_code = i.code AND w.province_code = ?
                ORDER BY i.position""").param(code)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list()
                .forEach(e -> w.put(e.getKey(), e.getValue()));
        return w;
    }
}
