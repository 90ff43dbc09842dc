package org.tonkla.field;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.field.internal.CampaignTargets;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.NotFound;

/**
 * How much of a campaign's target has been reached, per district of its area (issue 11 §1: the map coloured by
 * coverage). The target is the children 0–6 in the registry whose household lives in the campaign's area, counted in
 * the background ({@link CampaignTargets}); a child is reached when a visit of the campaign found it (matched or
 * registered). Counts only, so no child's record is opened.
 */
@Component
public class CampaignCoverage {

    /** One district: target children, children reached, households visited. */
    public record District(String districtCode, long target, long reached, long households) {
        /** Reached as a whole percentage of the target (0 without a target). */
        public int percent() {
            return target == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * reached / target));
        }
    }

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final CampaignTargets targets;

    CampaignCoverage(JdbcClient jdbc, Campaigns campaigns, CampaignTargets targets) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.targets = targets;
    }

    /** @throws NotFound when there is no such campaign in the officer's scope */
    public List<District> of(UUID campaignId, CurrentUser user) {
        return of(campaigns.inScope(campaignId, user)).districts();
    }

    /** The districts' coverage and when their targets were counted. */
    public record Coverage(List<District> districts, Instant targetCountedAt) {}

    /** @throws NotFound when there is no such campaign in the officer's scope */
    public Coverage withTargetTime(UUID campaignId, CurrentUser user) {
        return of(campaigns.inScope(campaignId, user));
    }

    private Coverage of(Campaign c) {
        var target = targets.of(c);
        // Children reached and households visited are kept as visits are written (field V124), so this reads a row
        // per child reached and one per subdistrict × surveyor × day, not the visits.
        Map<String, long[]> done = new HashMap<>();
        jdbc.sql("""
                SELECT district_code, count(*) FROM field_campaign_reached WHERE campaign_id = ? GROUP BY district_code""")
                .param(c.id()).query((rs, n) -> done.computeIfAbsent(rs.getString(1), k -> new long[2])[0] = rs.getLong(2))
                .list();
        jdbc.sql("""
                SELECT substr(subdistrict_code, 1, 4), sum(visited) FROM field_progress_day WHERE campaign_id = ?
                 GROUP BY 1""")
                .param(c.id()).query((rs, n) -> done.computeIfAbsent(rs.getString(1), k -> new long[2])[1] = rs.getLong(2))
                .list();
        List<District> districts = target.byDistrict().keySet().stream().sorted().map(d -> new District(d,
                target.byDistrict().get(d), done.getOrDefault(d, new long[2])[0], done.getOrDefault(d, new long[2])[1]))
                .toList();
        return new Coverage(districts, target.countedAt());
    }
}
