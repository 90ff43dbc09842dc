package org.tonkla.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.platform.FileStore;

/**
 * {@code ./tonkla generate --pilot}'s campaign (issue 11 §7): one campaign over the three pilot districts, a surveyor
 * assigned to each subdistrict, most households visited by the surveyor of their subdistrict, visited households with
 * consent carrying photos that are real JPEGs in the file store; a second run adds nothing.
 */
class SyntheticFieldTest extends IntegrationTest {

    @Autowired
    SyntheticChildren population;

    @Autowired
    SyntheticField field;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FileStore files;

    @Test
    void thePilotCampaignVisitsMostHouseholdsWithPhotos() {
        population.generate(200, 91, field);
        var campaign = SyntheticField.campaignId(91);
        assertThat(jdbc.sql("SELECT area_code FROM field_campaign_area WHERE campaign_id = ? ORDER BY 1").param(campaign)
                .query(String.class).list()).containsExactly("4001", "4007", "4018");
        long visits = count("SELECT count(*) FROM field_visit WHERE campaign_id = ?", campaign);
        assertThat(visits).isBetween(150L, 200L); // "most households": about 93 % of the 200
        // Each visit is in a subdistrict its surveyor is assigned to, so the campaign's rules hold for generated data.
        assertThat(count("""
                SELECT count(*) FROM field_visit v WHERE v.campaign_id = ? AND NOT EXISTS (SELECT 1 FROM field_assignment a
                 WHERE a.campaign_id = v.campaign_id AND a.surveyor_id = v.surveyor_id AND a.subdistrict_code = v.subdistrict_code)""",
                campaign)).isZero();
        List<String> photos = jdbc.sql("""
                SELECT a.sha256 FROM field_attachment a JOIN field_submission s ON s.id = a.submission_id
                 WHERE s.campaign_id = ? LIMIT 5""").param(campaign).query(String.class).list();
        assertThat(photos).isNotEmpty().allSatisfy(sha -> {
            byte[] jpeg = files.read(sha);
            assertThat(jpeg.length).isBetween(1_000, 30_000);
            assertThat(jpeg[0] & 0xff).isEqualTo(0xFF);
            assertThat(jpeg[1] & 0xff).isEqualTo(0xD8);
        });

        population.generate(200, 91, field);
        assertThat(count("SELECT count(*) FROM field_visit WHERE campaign_id = ?", campaign)).isEqualTo(visits);
    }

    private long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }
}
