package org.tonkla.field.internal;

import java.sql.Date;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tonkla.field.Campaign;
import org.tonkla.field.Campaigns;

/**
 * A campaign's target per district: the children 0–6 in the registry whose household lives in the campaign's area,
 * counted on the campaign's first day (a child is 0–6 while under its seventh birthday). Counting them scans the
 * area's children, which took most of the campaign page's time with the pilot loaded, so they are counted here in
 * the background every few minutes (and once when a campaign is first shown) and the page reads the counts. Counting
 * twice at once (two nodes) is harmless: each count replaces the last.
 */
@Component
public class CampaignTargets {

    private static final Logger log = LoggerFactory.getLogger(CampaignTargets.class);

    /** The counts of one campaign and when they were made. */
    public record Counted(Map<String, Long> byDistrict, Instant countedAt) {}

    private final JdbcClient jdbc;
    private final Campaigns campaigns;

    CampaignTargets(JdbcClient jdbc, Campaigns campaigns) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    /** The last counts of the campaign, counting now if it was never counted. */
    public Counted of(Campaign c) {
        var rows = read(c.id());
        if (rows.isEmpty()) {
            count(c);
            rows = read(c.id());
        }
        Instant at = rows.stream().map(r -> (Instant) r[2]).min(Instant::compareTo).orElse(null); // null: an area with no district
        return new Counted(rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1])), at);
    }

    /** Counts again the campaigns not ended more than a month ago. */
    @Scheduled(fixedDelayString = "${tonkla.field.target-recount-interval:PT10M}", initialDelayString = "PT2M")
    public void recountOpen() {
        List<UUID> open = jdbc.sql("SELECT id FROM field_campaign WHERE ends_on >= current_date - 30").query(UUID.class).list();
        for (UUID id : open) {
            try {
                campaigns.find(id).ifPresent(this::count);
            } catch (RuntimeException e) { // one campaign's failure does not stop the others'
                log.warn("Campaign target not recounted: {}", e.getClass().getSimpleName());
            }
        }
    }

    /** Counts the campaign's target now and keeps it; every district of the area has a row, zero included. */
    public void count(Campaign c) {
        jdbc.sql("""
                WITH area AS (SELECT area_code FROM field_campaign_area WHERE campaign_id = :id),
                target AS (
                  SELECT substr(h.subdistrict_code, 1, 4) AS district, count(*) AS n
                    FROM child ch JOIN household h ON h.id = ch.household_id
                   WHERE ch.date_of_birth > :born
                     AND (substr(h.subdistrict_code, 1, 4) IN (SELECT area_code FROM area)
                          OR h.subdistrict_code IN (SELECT area_code FROM area))
                   GROUP BY 1),
                districts AS (SELECT DISTINCT substr(area_code, 1, 4) AS district FROM area)
                INSERT INTO field_campaign_target AS t (campaign_id, district_code, target, counted_at)
                SELECT :id, d.district, coalesce(target.n, 0), now() FROM districts d LEFT JOIN target USING (district)
                ON CONFLICT (campaign_id, district_code) DO UPDATE SET target = EXCLUDED.target, counted_at = EXCLUDED.counted_at""")
                .param("id", c.id()).param("born", Date.valueOf(c.startsOn().minusYears(7))).update();
    }

    private List<Object[]> read(UUID campaign) {
        return jdbc.sql("SELECT district_code, target, counted_at FROM field_campaign_target WHERE campaign_id = ?")
                .param(campaign)
                .query((rs, n) -> new Object[] {rs.getString(1), (long) rs.getInt(2), rs.getTimestamp(3).toInstant()}).list();
    }
}
