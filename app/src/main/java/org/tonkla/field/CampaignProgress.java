package org.tonkla.field;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.NotFound;

/**
 * A campaign's progress per subdistrict, surveyor and day: households visited, not found, refused, moved away, and
 * children newly registered on the way (issue 11 §1). Counts only: no child is named, so no child's record is read.
 */
@Component
public class CampaignProgress {

    /** One subdistrict × surveyor × day. */
    public record Row(String subdistrictCode, String surveyor, LocalDate day, long visited, long notFound, long refused,
            long moved, long newChildren) {}

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final Accounts accounts;

    CampaignProgress(JdbcClient jdbc, Campaigns campaigns, Accounts accounts) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.accounts = accounts;
    }

    /** @throws NotFound when there is no such campaign in the officer's scope (refused for other roles) */
    public List<Row> of(UUID campaignId, CurrentUser user) {
        if (campaigns.list(user).stream().noneMatch(c -> c.id().equals(campaignId))) throw new NotFound("No such campaign");
        var names = new java.util.HashMap<UUID, String>();
        java.util.function.Function<UUID, String> username = id -> names.computeIfAbsent(id,
                k -> accounts.find(k).map(Accounts.AccountView::username).orElse(k.toString()));
        // New children are counted per visit once (a join would repeat a visit per child) and only for this
        // campaign's visits; both halves read covering indexes (V122), with no subquery per visit.
        return jdbc.sql("""
                WITH kids AS (
                  SELECT c.visit_id, count(*) AS n
                    FROM field_visit v JOIN field_visit_child c ON c.visit_id = v.id AND c.match = 'REGISTERED'
                   WHERE v.campaign_id = :id
                   GROUP BY c.visit_id)
                SELECT v.subdistrict_code, v.surveyor_id, v.visited_on,
                       count(*) FILTER (WHERE v.outcome = 'VISITED') AS visited,
                       count(*) FILTER (WHERE v.outcome = 'NOT_FOUND') AS not_found,
                       count(*) FILTER (WHERE v.outcome = 'REFUSED') AS refused,
                       count(*) FILTER (WHERE v.outcome = 'MOVED') AS moved,
                       coalesce(sum(k.n), 0) AS new_children
                  FROM field_visit v LEFT JOIN kids k ON k.visit_id = v.id
                 WHERE v.campaign_id = :id
                 GROUP BY v.subdistrict_code, v.surveyor_id, v.visited_on
                 ORDER BY v.subdistrict_code, v.visited_on, v.surveyor_id""")
                .param("id", campaignId)
                .query((rs, n) -> new Row(rs.getString(1), username.apply(rs.getObject(2, UUID.class)), rs.getObject(3, LocalDate.class), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                .list();
    }
}
