package org.tonkla.field;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.NotFound;

/**
 * How much of a campaign's target has been reached, per district of its area (issue 11 §1: the map coloured by
 * coverage). The target is the children 0–6 in the registry whose household lives in the campaign's area; a child is
 * reached when a visit of the campaign found it (matched or registered). Counts only, so no child's record is opened.
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

    CampaignCoverage(JdbcClient jdbc, Campaigns campaigns) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    /** @throws NotFound when there is no such campaign in the officer's scope */
    public List<District> of(UUID campaignId, CurrentUser user) {
        Campaign c = campaigns.list(user).stream().filter(x -> x.id().equals(campaignId)).findFirst()
                .orElseThrow(() -> new NotFound("No such campaign"));
        // A child is 0-6 while under its seventh birthday, counted on the campaign's first day.
        LocalDate born = c.startsOn().minusYears(7);
        // Every aggregate is hashed, none sorted (a collated sort of 48,000 codes was most of the pilot's page): the
        // area test is a hashed IN on the district or subdistrict code rather than a LIKE per household, children
        // reached are made distinct per district before counting, and households come straight from the visits.
        return jdbc.sql("""
                WITH area AS (SELECT area_code FROM field_campaign_area WHERE campaign_id = :id),
                target AS (
                  SELECT substr(h.subdistrict_code, 1, 4) AS district, count(*) AS n
                    FROM child ch JOIN household h ON h.id = ch.household_id
                   WHERE ch.date_of_birth > :born
                     AND (substr(h.subdistrict_code, 1, 4) IN (SELECT area_code FROM area)
                          OR h.subdistrict_code IN (SELECT area_code FROM area))
                   GROUP BY 1),
                reached AS (
                  SELECT district, count(*) AS n
                    FROM (SELECT DISTINCT substr(v.subdistrict_code, 1, 4) AS district, vc.child_id
                            FROM field_visit v JOIN field_visit_child vc ON vc.visit_id = v.id
                           WHERE v.campaign_id = :id AND vc.child_id IS NOT NULL) x
                   GROUP BY 1),
                households AS (
                  SELECT substr(subdistrict_code, 1, 4) AS district, count(*) AS n
                    FROM field_visit WHERE campaign_id = :id AND outcome = 'VISITED'
                   GROUP BY 1),
                districts AS (SELECT DISTINCT substr(area_code, 1, 4) AS district FROM area)
                SELECT d.district, coalesce(t.n, 0), coalesce(r.n, 0), coalesce(hh.n, 0)
                  FROM districts d LEFT JOIN target t USING (district) LEFT JOIN reached r USING (district)
                  LEFT JOIN households hh USING (district)
                 ORDER BY d.district""")
                .param("id", campaignId).param("born", Date.valueOf(born))
                .query((rs, n) -> new District(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
    }
}
