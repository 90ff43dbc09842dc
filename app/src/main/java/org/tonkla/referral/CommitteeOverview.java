package org.tonkla.referral;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.platform.Refused;

/**
 * What a district committee (พชอ., child-protection subcommittee) or an officer sees before a meeting: referrals
 * of its area by receiving agency and need type (open, overdue, completed) and how many children have open
 * referrals to several agencies at once: de-identified counts, no child named. Cells below
 * {@link #MIN_CELL} are shown as a range so a count cannot single out a child.
 */
@Component
public class CommitteeOverview {

    /** Counts from 1 to this minus one are shown as {@code <MIN_CELL}. */
    public static final int MIN_CELL = 3;

    /** One line: a receiving agency and need type with its counts (already masked). */
    public record Line(String agency, String needType, String open, String overdue, String completed) {}

    /** The overview of an area. */
    public record Overview(String area, List<Line> lines, String childrenAcrossAgencies) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    CommitteeOverview(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** For committee members and provincial officers of an area: their area's referrals in counts. */
    public Overview of(CurrentUser user) {
        if ((user.role() != Role.COMMITTEE_MEMBER && user.role() != Role.PROVINCIAL_OFFICER)
                || !(user.scope().unit() instanceof OrgUnit.Area area)) {
            throw new Refused("Committee members and officers of an area see the committee overview");
        }
        Date today = Date.valueOf(LocalDate.now(clock));
        var lines = jdbc.sql("""
                SELECT to_agencies[1], need_type,
                       count(*) FILTER (WHERE status IN ('CREATED','RECEIVED','ACCEPTED','IN_SERVICE')),
                       count(*) FILTER (WHERE status IN ('CREATED','RECEIVED','ACCEPTED','IN_SERVICE') AND due_on < :today),
                       count(*) FILTER (WHERE status = 'COMPLETED')
                FROM referral WHERE to_area_code LIKE :area || '%' GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("today", today).param("area", area.code())
                .query((rs, i) -> new Line(rs.getString(1), rs.getString(2), mask(rs.getInt(3)), mask(rs.getInt(4)),
                        mask(rs.getInt(5))))
                .list();
        int across = jdbc.sql("""
                SELECT count(*) FROM (SELECT child_id FROM referral
                  WHERE to_area_code LIKE :area || '%' AND status IN ('CREATED','RECEIVED','ACCEPTED','IN_SERVICE')
                  GROUP BY child_id HAVING count(DISTINCT to_agencies[1]) >= 2) x""")
                .param("area", area.code()).query(Integer.class).single();
        return new Overview(area.code(), lines, mask(across));
    }

    static String mask(int count) {
        return count > 0 && count < MIN_CELL ? "<" + MIN_CELL : Integer.toString(count);
    }
}
