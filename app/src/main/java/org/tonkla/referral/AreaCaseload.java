package org.tonkla.referral;

import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The children a district committee should discuss (issue 12 §5): those with an open referral received in the area
 * that is overdue on a given day, or with open referrals to two or more agencies at once. Read-only, and no name:
 * the child's id, age and what is open where. For modules that have already decided the caller may see the area's
 * cases (the committee module checks membership); it checks no user itself.
 */
@Component
public class AreaCaseload {

    /**
     * One child's open referrals in the area.
     *
     * @param overdue how many open referrals are past their due date on the day asked about
     * @param agencies the receiving agencies (each unit's own agency), distinct, sorted
     */
    public record OpenCase(UUID childId, String provinceCode, LocalDate birthDate, List<String> needTypes,
            List<String> agencies, int overdue) {

        public boolean spansAgencies() {
            return agencies.size() >= 2;
        }
    }

    private final JdbcClient jdbc;

    AreaCaseload(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Children whose open referrals received in {@code areaCode} (a district code, or any prefix) are overdue on
     * {@code asOf} or go to several agencies; most overdue first. Completed, declined, redirected and closed
     * referrals do not count.
     */
    public List<OpenCase> stuck(String areaCode, LocalDate asOf) {
        return jdbc.sql("""
                SELECT child_id, min(province_code), min(child_birth_date),
                       array_agg(DISTINCT need_type ORDER BY need_type), array_agg(DISTINCT to_agencies[1] ORDER BY to_agencies[1]),
                       count(*) FILTER (WHERE due_on < :asOf)
                  FROM referral
                 WHERE to_area_code LIKE :area || '%' AND status IN ('CREATED','RECEIVED','ACCEPTED','IN_SERVICE')
                 GROUP BY child_id
                HAVING count(*) FILTER (WHERE due_on < :asOf) > 0 OR count(DISTINCT to_agencies[1]) >= 2
                 ORDER BY 6 DESC, 1""")
                .param("asOf", Date.valueOf(asOf)).param("area", areaCode)
                .query((rs, i) -> new OpenCase(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getDate(3).toLocalDate(), strings(rs.getArray(4)), strings(rs.getArray(5)), rs.getInt(6)))
                .list();
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
