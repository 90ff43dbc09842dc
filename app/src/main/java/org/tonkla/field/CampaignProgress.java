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
        campaigns.inScope(campaignId, user);
        var names = new java.util.HashMap<UUID, String>();
        java.util.function.Function<UUID, String> username = id -> names.computeIfAbsent(id,
                k -> accounts.find(k).map(Accounts.AccountView::username).orElse(k.toString()));
        // Kept by triggers as visits and their children are written (field V124): no visit is read here.
        return jdbc.sql("""
                SELECT subdistrict_code, surveyor_id, visited_on, visited, not_found, refused, moved, new_children
                  FROM field_progress_day WHERE campaign_id = :id
                 ORDER BY subdistrict_code, visited_on, surveyor_id""")
                .param("id", campaignId)
                .query((rs, n) -> new Row(rs.getString(1), username.apply(rs.getObject(2, UUID.class)), rs.getObject(3, LocalDate.class), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                .list();
    }

    /**
     * Per surveyor, the visits whose phone time was not believed (ahead of the server, before the campaign, before a
     * child's birth) and which are therefore counted on the day received: a supervisor checks that phone's clock.
     *
     * @throws NotFound when there is no such campaign in the officer's scope (refused for other roles)
     */
    public java.util.Map<String, Long> timesNotBelieved(UUID campaignId, CurrentUser user) {
        campaigns.inScope(campaignId, user);
        var out = new java.util.TreeMap<String, Long>();
        jdbc.sql("""
                SELECT surveyor_id, count(*) FROM field_visit WHERE campaign_id = ? AND visit_time_problem IS NOT NULL
                 GROUP BY surveyor_id""")
                .param(campaignId)
                .query((rs, n) -> out.merge(accounts.find(rs.getObject(1, UUID.class)).map(Accounts.AccountView::username)
                        .orElse(rs.getString(1)), rs.getLong(2), Long::sum))
                .list();
        return out;
    }
}
