package org.tonkla.protection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.platform.Refused;

/**
 * Counts for planning (issue 17 §6): in the officer's province, how many children each district has whose latest
 * protection screening was MEDIUM or HIGH, per item found. Counts only, never a child; a count from 1 to 4 is
 * withheld (small-cell protection, as the open data does) and the table publishes no totals, so a withheld cell
 * cannot be worked back from the others. The district is the screener's (where the child was seen).
 */
@Component
public class ProtectionCounts {

    /** Smallest count shown; 1 to {@code MIN_SHOWN - 1} are withheld, 0 is shown. */
    public static final int MIN_SHOWN = 5;

    /** A cell: {@code count} is null when withheld. */
    public record Cell(Long count) {
        public boolean withheld() {
            return count == null;
        }
    }

    /** {@code rows}: district code ("" when not recorded) to item code to cell, every item of the list present. */
    public record Table(String provinceCode, List<String> items, Map<String, Map<String, Cell>> rows) {}

    private final JdbcClient jdbc;
    private final RiskRules rules;

    ProtectionCounts(JdbcClient jdbc, RiskRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    /**
     * The table of the officer's province.
     *
     * @throws Refused for anyone but a provincial officer with a province in scope
     */
    public Table of(CurrentUser user) {
        if (user.role() != Role.PROVINCIAL_OFFICER || !(user.scope().unit() instanceof OrgUnit.Area a)
                || a.code().length() < 2) {
            throw new Refused("Protection counts are for the province's officers");
        }
        String province = a.code().substring(0, 2);
        List<String> items = List.copyOf(rules.items());
        Map<String, Map<String, Cell>> rows = new LinkedHashMap<>();
        jdbc.sql("""
                WITH latest AS (
                    SELECT DISTINCT ON (child_id) child_id, coalesce(district_code, '') AS district, items, level
                      FROM protection_screening WHERE province_code = ? ORDER BY child_id, recorded_at DESC, id)
                SELECT district, item, count(*) FROM latest, unnest(items) AS item
                 WHERE level IN ('MEDIUM', 'HIGH') GROUP BY district, item ORDER BY district, item""")
                .param(province).query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)}).list()
                .forEach(r -> {
                    long n = (Long) r[2];
                    rows.computeIfAbsent((String) r[0], d -> empty(items)).put((String) r[1],
                            new Cell(n < MIN_SHOWN ? null : n));
                });
        return new Table(province, items, rows);
    }

    private static Map<String, Cell> empty(List<String> items) {
        Map<String, Cell> row = new LinkedHashMap<>();
        items.forEach(i -> row.put(i, new Cell(0L)));
        return row;
    }
}
