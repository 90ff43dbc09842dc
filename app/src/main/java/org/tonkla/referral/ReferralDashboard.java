package org.tonkla.referral;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.platform.Refused;

/**
 * The officers' dashboard (issue 12 §7): the referrals received by units of an area, by need type and status;
 * days from referral to acceptance and to completion (median and 90th percentile); open referrals past their
 * due date by receiving unit and by agency. Counts only, no child named. A provincial or district officer sees
 * their own area or an area inside it, nothing else.
 */
@Component
public class ReferralDashboard {

    /** Days to acceptance and to completion of one need type (null: all need types). Null figures: none yet. */
    public record Timing(String needType, int accepted, Double acceptMedian, Double acceptP90, int completed,
            Double completeMedian, Double completeP90) {}

    /** A receiving unit with open referrals past their due date; {@code code} is its official code (HOSPCODE …). */
    public record OverdueUnit(UUID unit, String code, String name, String agency, int overdue) {}

    /** The dashboard of one area on one day. */
    public record Report(String area, LocalDate today, Map<String, Map<ReferralStatus, Integer>> byNeedAndStatus,
            List<Timing> timings, List<OverdueUnit> overdueByUnit, Map<String, Integer> overdueByAgency) {

        public int total(String needType) {
            return byNeedAndStatus.getOrDefault(needType, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;

    ReferralDashboard(JdbcClient jdbc, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    /** The area the officer asks for ({@code null}: their own), if it lies in their scope; else {@link Refused}. */
    public String areaFor(CurrentUser user, String asked) {
        if (user.role() != Role.PROVINCIAL_OFFICER || !(user.scope().unit() instanceof OrgUnit.Area own)) {
            throw new Refused("Only provincial and district officers see the referral dashboard");
        }
        if (asked == null || asked.isBlank()) return own.code();
        String area = asked.strip();
        if (!area.matches("\\d{2}|\\d{4}|\\d{6}") || !area.startsWith(own.code())) {
            throw new Refused("The area lies outside the officer's scope");
        }
        return area;
    }

    public Report report(CurrentUser user, String askedArea) {
        String area = areaFor(user, askedArea);
        LocalDate today = LocalDate.now(clock);
        Map<String, Map<ReferralStatus, Integer>> counts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT need_type, status, count(*) FROM referral WHERE to_area_code LIKE :area || '%'
                GROUP BY need_type, status ORDER BY need_type""")
                .param("area", area)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(ReferralStatus.class))
                            .put(ReferralStatus.valueOf(rs.getString(2)), rs.getInt(3));
                });
        return new Report(area, today, counts, timings(area), overdue(area, today), byAgency(area, today));
    }

    private List<Timing> timings(String area) {
        // Days as fractions (a referral accepted the same afternoon counts 0.2 days, not 0); the first event of
        // each kind counts, a later re-acceptance after a redirect is the new referral's own.
        return jdbc.sql("""
                WITH s AS (
                  SELECT r.need_type,
                         extract(epoch FROM (SELECT min(e.occurred_at) FROM referral_event e
                                             WHERE e.referral_id = r.id AND e.kind = 'accepted') - r.created_at) / 86400 AS acc,
                         extract(epoch FROM (SELECT min(e.occurred_at) FROM referral_event e
                                             WHERE e.referral_id = r.id AND e.kind = 'completed') - r.created_at) / 86400 AS done
                  FROM referral r WHERE r.to_area_code LIKE :area || '%')
                SELECT need_type, count(acc),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY acc), percentile_cont(0.9) WITHIN GROUP (ORDER BY acc),
                       count(done),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY done), percentile_cont(0.9) WITHIN GROUP (ORDER BY done)
                FROM s GROUP BY GROUPING SETS ((need_type), ()) ORDER BY need_type NULLS LAST""")
                .param("area", area)
                .query((rs, i) -> new Timing(rs.getString(1), rs.getInt(2), days(rs.getObject(3)), days(rs.getObject(4)),
                        rs.getInt(5), days(rs.getObject(6)), days(rs.getObject(7))))
                .list();
    }

    private List<OverdueUnit> overdue(String area, LocalDate today) {
        var rows = jdbc.sql("""
                SELECT to_unit, to_agencies[1], count(*) FROM referral
                WHERE to_area_code LIKE :area || '%' AND status IN ('CREATED','RECEIVED','ACCEPTED','IN_SERVICE')
                  AND due_on < :today
                GROUP BY to_unit, to_agencies[1] ORDER BY count(*) DESC, to_unit""")
                .param("area", area).param("today", Date.valueOf(today))
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)}).list();
        List<OverdueUnit> out = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            ServiceUnit u = directory.serviceUnit(id).orElse(null);
            out.add(new OverdueUnit(id, u == null ? "" : code(u), u == null ? "" : u.nameTh(), (String) r[1], (Integer) r[2]));
        }
        return out;
    }

    private Map<String, Integer> byAgency(String area, LocalDate today) {
        Map<String, Integer> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT to_agencies[1], count(*) FROM referral
                WHERE to_area_code LIKE :area || '%' AND status IN ('CREATED','RECEIVED','ACCEPTED','IN_SERVICE')
                  AND due_on < :today GROUP BY 1 ORDER BY 2 DESC, 1""")
                .param("area", area).param("today", Date.valueOf(today))
                .query(rs -> {
                    out.put(rs.getString(1), rs.getInt(2));
                });
        return out;
    }

    /** The unit's official code: the MOPH HOSPCODE of a health unit, the MOE code of a school; blank otherwise. */
    public static String code(ServiceUnit u) {
        if (u.hospcode() != null) return u.hospcode();
        return u.schoolCode() != null ? u.schoolCode() : "";
    }

    private static Double days(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 10) / 10.0;
    }
}
