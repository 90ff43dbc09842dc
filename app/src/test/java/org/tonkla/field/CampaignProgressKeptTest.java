package org.tonkla.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.field.internal.CampaignTargets;

/**
 * The campaign page reads progress and coverage kept as visits are written (field V124), not the visits themselves
 * (issue 11 §7). Kept counts must equal a count over the visits at any moment, whatever other tests submitted before.
 */
class CampaignProgressKeptTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired CampaignTargets targets;
    @Autowired Campaigns campaigns;

    @Test
    void keptProgressAndChildrenReachedEqualACountOverTheVisits() throws Exception {
        var client = new OpenRosaClient("http://localhost:" + port, "surveyor.kk", "tonkla-demo");
        assertThat(client.submit(refused(), Map.of()).statusCode()).isEqualTo(201);
        assertThat(client.submit(visitedWithANewChild(), OpenRosaClient.files()).statusCode()).isEqualTo(201);
        assertThat(client.submit(refused(), Map.of()).statusCode()).isEqualTo(201);

        assertThat(jdbc.sql("SELECT count(*) FROM field_progress_day").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("""
                (SELECT campaign_id, subdistrict_code, surveyor_id, visited_on, visited, not_found, refused, moved, new_children
                   FROM field_progress_day
                 EXCEPT
                 SELECT v.campaign_id, v.subdistrict_code, v.surveyor_id, v.visited_on,
                        count(*) FILTER (WHERE v.outcome = 'VISITED'), count(*) FILTER (WHERE v.outcome = 'NOT_FOUND'),
                        count(*) FILTER (WHERE v.outcome = 'REFUSED'), count(*) FILTER (WHERE v.outcome = 'MOVED'),
                        coalesce(sum((SELECT count(*) FROM field_visit_child c WHERE c.visit_id = v.id
                                       AND c.match = 'REGISTERED')), 0)
                   FROM field_visit v GROUP BY 1, 2, 3, 4)
                UNION ALL
                (SELECT v.campaign_id, v.subdistrict_code, v.surveyor_id, v.visited_on,
                        count(*) FILTER (WHERE v.outcome = 'VISITED'), count(*) FILTER (WHERE v.outcome = 'NOT_FOUND'),
                        count(*) FILTER (WHERE v.outcome = 'REFUSED'), count(*) FILTER (WHERE v.outcome = 'MOVED'),
                        coalesce(sum((SELECT count(*) FROM field_visit_child c WHERE c.visit_id = v.id
                                       AND c.match = 'REGISTERED')), 0)
                   FROM field_visit v GROUP BY 1, 2, 3, 4
                 EXCEPT
                 SELECT campaign_id, subdistrict_code, surveyor_id, visited_on, visited, not_found, refused, moved, new_children
                   FROM field_progress_day)""").query().listOfRows()).as("kept progress differs from the visits").isEmpty();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM field_progress_day WHERE refused >= 2 AND subdistrict_code = '400703'""")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("""
                (SELECT campaign_id, child_id FROM field_campaign_reached
                 EXCEPT SELECT DISTINCT v.campaign_id, c.child_id FROM field_visit v JOIN field_visit_child c ON c.visit_id = v.id
                         WHERE c.child_id IS NOT NULL)
                UNION ALL
                (SELECT DISTINCT v.campaign_id, c.child_id FROM field_visit v JOIN field_visit_child c ON c.visit_id = v.id
                  WHERE c.child_id IS NOT NULL
                 EXCEPT SELECT campaign_id, child_id FROM field_campaign_reached)""").query().listOfRows())
                .as("kept children reached differ from the visits").isEmpty();
    }

    @Test
    void theTargetIsTheChildrenUnderSevenLivingInTheAreaAndThePageSaysWhenItWasCounted() {
        UUID id = jdbc.sql("SELECT id FROM field_campaign WHERE name = 'สำรวจเด็กปฐมวัยอำเภอน้ำพอง (สาธิต)'")
                .query(UUID.class).single();
        Campaign campaign = campaigns.find(id).orElseThrow();
        targets.count(campaign);
        long expected = jdbc.sql("""
                SELECT count(*) FROM child ch JOIN household h ON h.id = ch.household_id
                 WHERE ch.date_of_birth > ? AND EXISTS (SELECT 1 FROM field_campaign_area a
                        WHERE a.campaign_id = ? AND h.subdistrict_code LIKE a.area_code || '%')""")
                .params(java.sql.Date.valueOf(campaign.startsOn().minusYears(7)), id).query(Long.class).single();
        assertThat(expected).as("the demo has children in Nam Phong").isPositive();
        assertThat(targets.of(campaign).byDistrict().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(expected);

        var officer = session();
        officer.login("officer.khonkaen", "tonkla-demo");
        assertThat(officer.get("/field/campaigns/" + id, "text/html").body()).contains("id=\"target-counted\"", "นับเมื่อ");
    }

    private static byte[] refused() {
        return ("""
                <data id="tonkla_home_visit" version="2026112801"><visit><subdistrict>400703</subdistrict>
                <outcome>refused</outcome></visit><meta><instanceID>%s</instanceID></meta></data>""")
                .formatted("uuid:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] visitedWithANewChild() {
        String family = "นับคง" + Long.toString(System.nanoTime() % 100000, 36);
        return ("""
                <data id="tonkla_home_visit" version="2026112801">
                <visit><subdistrict>400701</subdistrict><house_no>12</house_no><outcome>visited</outcome></visit>
                <consent><given>yes</given><by_name>แม่</by_name><relation>mother</relation><on>2026-01-05</on><purposes>health</purposes></consent>
                <child><given_name>ข้าวปั้น</given_name><family_name>%s</family_name><sex>F</sex><dob>2024-03-02</dob>
                <id_type>none</id_type><no_id_reason>unknown</no_id_reason><weight>11.2</weight></child>
                <meta><instanceID>%s</instanceID></meta></data>""").formatted(family, "uuid:" + UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8);
    }
}
