package org.tonkla.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;

/**
 * Issue 12 §8: the synthetic pilot population (300 children in the tests' demo) comes with a referral history
 * drawn from the children's own records: a center or kindergarten refers a failed DSPM or a small child to the
 * child's health center, and the referrals are in every state a real queue has.
 */
class PilotReferralHistoryTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    private static final String PILOT = "r.created_by_name = 'ครูผู้ดูแลเด็ก (จำลอง)'";

    @Test
    void referralsComeFromTheChildrensNeedsAndRunTheirCourse() {
        Map<String, Integer> byNeed = new java.util.HashMap<>();
        jdbc.sql("SELECT need_type, count(*) FROM referral r WHERE " + PILOT + " GROUP BY 1")
                .query(rs -> {
                    byNeed.put(rs.getString(1), rs.getInt(2));
                });
        assertThat(byNeed).containsKeys("developmental-delay", "growth");

        // From a center or kindergarten to a health center of the same subdistrict, never the other way.
        List<String> pairs = jdbc.sql(pilot("""
                SELECT DISTINCT f.type || '>' || t.type FROM referral r
                JOIN service_unit f ON f.id = r.from_unit JOIN service_unit t ON t.id = r.to_unit WHERE $PILOT"""))
                .query(String.class).list();
        assertThat(pairs).isNotEmpty().allMatch(p -> p.endsWith(">HEALTH_CENTER"))
                .allMatch(p -> p.startsWith("EARLY_CHILDHOOD_CENTER>") || p.startsWith("KINDERGARTEN>"));
        assertThat(count("""
                SELECT count(*) FROM referral r JOIN service_unit f ON f.id = r.from_unit
                JOIN service_unit t ON t.id = r.to_unit WHERE $PILOT AND f.subdistrict_code <> t.subdistrict_code""")).isZero();

        // A developmental referral answers a DSPM screening of the child that came before it.
        assertThat(count("""
                SELECT count(*) FROM referral r WHERE $PILOT AND r.need_type = 'developmental-delay' AND NOT EXISTS (
                  SELECT 1 FROM dspm_screening s WHERE s.child_id = r.child_id
                   AND s.screened_on <= (r.created_at AT TIME ZONE 'Asia/Bangkok')::date)""")).isZero();

        List<String> statuses = jdbc.sql("SELECT DISTINCT status FROM referral r WHERE " + PILOT).query(String.class).list();
        assertThat(statuses).contains("COMPLETED").anyMatch(s -> List.of("CREATED", "RECEIVED", "ACCEPTED", "IN_SERVICE")
                .contains(s));
        // The timeline agrees with the slip: it starts with 'created' at the slip's time, ends in the slip's
        // status, and every completed referral has its outcome.
        assertThat(count("""
                SELECT count(*) FROM referral r WHERE $PILOT
                 AND (NOT EXISTS (SELECT 1 FROM referral_event e WHERE e.referral_id = r.id AND e.kind = 'created'
                                   AND e.occurred_at = r.created_at)
                  OR r.status <> (SELECT e.status FROM referral_event e WHERE e.referral_id = r.id
                                  ORDER BY e.occurred_at DESC LIMIT 1)
                  OR (r.status = 'COMPLETED') <> (r.outcome IS NOT NULL))""")).isZero();
    }

    private static String pilot(String sql) {
        return sql.replace("$PILOT", PILOT);
    }

    private int count(String sql) {
        return jdbc.sql(pilot(sql)).query(Integer.class).single();
    }
}
