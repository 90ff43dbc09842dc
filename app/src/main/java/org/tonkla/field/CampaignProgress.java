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

    /** One visit whose phone time was not believed, as a supervisor checks it: no household or child data. */
    public record DoubtfulTime(String surveyor, String subdistrictCode, LocalDate countedOn, java.time.Instant statedAt,
            String problem, java.time.Instant receivedAt) {}

    /**
     * The visits whose phone time was not believed (ahead of the server, before the campaign, before a child's birth)
     * and which are therefore counted on the day received (or the campaign's last day), newest first, at most 200: a
     * supervisor checks those phones' clocks.
     *
     * @throws NotFound when there is no such campaign in the officer's scope (refused for other roles)
     */
    public List<DoubtfulTime> timesNotBelieved(UUID campaignId, CurrentUser user) {
        campaigns.inScope(campaignId, user);
        var names = new java.util.HashMap<UUID, String>();
        return jdbc.sql("""
                SELECT v.surveyor_id, v.subdistrict_code, v.visited_on, v.visited_at, v.visit_time_problem, s.received_at
                  FROM field_visit v JOIN field_submission s ON s.id = v.submission_id
                 WHERE v.campaign_id = ? AND v.visit_time_problem IS NOT NULL
                 ORDER BY s.received_at DESC, v.id LIMIT 200""")
                .param(campaignId)
                .query((rs, n) -> {
                    UUID surveyor = rs.getObject(1, UUID.class);
                    String name = names.computeIfAbsent(surveyor,
                            id -> accounts.find(id).map(Accounts.AccountView::username).orElse(id.toString()));
                    return new DoubtfulTime(name, rs.getString(2), rs.getObject(3, LocalDate.class),
                            rs.getObject(4, java.time.OffsetDateTime.class).toInstant(), rs.getString(5),
                            rs.getObject(6, java.time.OffsetDateTime.class).toInstant());
                })
                .list();
    }
}
