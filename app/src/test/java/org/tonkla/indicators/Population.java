package org.tonkla.indicators;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes test children and their records straight into the source tables, as any writer would. */
final class Population {

    private final JdbcClient jdbc;

    Population(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID child(String key, String sex, LocalDate born, String province) {
        UUID id = UUID.nameUUIDFromBytes(("indicators-test:" + key).getBytes());
        jdbc.sql("""
                INSERT INTO child (id, given_name_th, family_name_th, sex, date_of_birth, identifier_type,
                                   no_identifier_reason, province_code, created_by)
                VALUES (:id, 'ทดสอบ', 'ตัวชี้วัด', :sex, :born, 'NONE', 'test', :p, 'test') ON CONFLICT (id) DO NOTHING""")
                .param("id", id).param("sex", sex).param("born", born).param("p", province).update();
        return id;
    }

    /** A household in {@code subdistrict}, the same one for the same key. */
    UUID household(String key, String subdistrict, String province) {
        UUID id = UUID.nameUUIDFromBytes(("indicators-test:" + key).getBytes());
        jdbc.sql("INSERT INTO household (id, subdistrict_code, province_code) VALUES (:id, :s, :p) ON CONFLICT DO NOTHING")
                .param("id", id).param("s", subdistrict).param("p", province).update();
        return id;
    }

    void livesIn(UUID child, UUID household) {
        jdbc.sql("UPDATE child SET household_id = :h WHERE id = :c").param("h", household).param("c", child).update();
    }

    void growth(UUID child, LocalDate on, Double zLhfa, Double zWflh, Double zWfa) {
        jdbc.sql("""
                INSERT INTO growth_measurement (id, child_id, province_code, measured_on, age_days, weight_kg,
                                                z_wfa, z_lhfa, z_wflh, recorded_by, recorded_at)
                SELECT :id, c.id, c.province_code, :on, :on - c.date_of_birth, 10, :wfa, :lhfa, :wflh, 'test', :at
                  FROM child c WHERE c.id = :child""")
                .param("id", UUID.randomUUID()).param("child", child).param("on", on).param("wfa", zWfa)
                .param("lhfa", zLhfa).param("wflh", zWflh).param("at", Timestamp.from(Instant.now())).update();
    }

    void dspm(UUID child, LocalDate on, String outcome) {
        String r = outcome.equals("1B260") ? "NORMAL" : "SUSPECTED_DELAY";
        jdbc.sql("""
                INSERT INTO dspm_screening (id, child_id, province_code, screened_on, gm, fm, rl, el, ps, outcome_code,
                                            recorded_by, recorded_at)
                SELECT :id, c.id, c.province_code, :on, :r, 'NORMAL', 'NORMAL', 'NORMAL', 'NORMAL', :o, 'test', :at
                  FROM child c WHERE c.id = :child""")
                .param("id", UUID.randomUUID()).param("child", child).param("on", on).param("r", r).param("o", outcome)
                .param("at", Timestamp.from(Instant.now())).update();
    }

    void vaccine(UUID child, String code, LocalDate on) {
        jdbc.sql("""
                INSERT INTO immunization (id, child_id, province_code, vaccine_code, given_on, recorded_by, recorded_at)
                SELECT :id, c.id, c.province_code, :code, :on, 'test', :at FROM child c WHERE c.id = :child
                ON CONFLICT DO NOTHING""")
                .param("id", UUID.randomUUID()).param("child", child).param("code", code).param("on", on)
                .param("at", Timestamp.from(Instant.now())).update();
    }

    void referral(UUID child, LocalDate created, LocalDate due, String status) {
        Timestamp at = Timestamp.valueOf(created.atTime(10, 0));
        jdbc.sql("""
                INSERT INTO referral (id, child_id, province_code, child_name, child_birth_date, need_type, reason,
                                      from_unit, to_unit, to_area_code, to_agencies, status, created_by, created_by_name,
                                      created_at, updated_at, due_on, legal_basis, outcome, decline_reason)
                SELECT :id, c.id, c.province_code, 'x', c.date_of_birth, 'developmental-delay', 'test', :a, :b, c.province_code,
                       ARRAY['MOPH'], :status, :a, 'test', :at, :at, :due, 'HEALTH_SERVICE', 'RESOLVED', 'no'
                  FROM child c WHERE c.id = :child""")
                .param("id", UUID.randomUUID()).param("child", child).param("a", UUID.randomUUID())
                .param("b", UUID.randomUUID()).param("status", status).param("at", at).param("due", due).update();
    }

    /**
     * A home visit on {@code on} that found {@code child} (in its own campaign of the child's province), the household's
     * income per member recorded or not, and the needs its screening found (field_screening_rule codes).
     */
    void homeVisit(UUID child, LocalDate on, Double incomePerMember, String... rules) {
        UUID campaign = UUID.randomUUID();
        UUID submission = UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        UUID visitChild = UUID.randomUUID();
        String province = jdbc.sql("SELECT province_code FROM child WHERE id = :c").param("c", child).query(String.class).single();
        jdbc.sql("""
                INSERT INTO field_campaign (id, name, province_code, starts_on, ends_on, form_id, form_version,
                                            registering_unit_id, created_by)
                VALUES (:id, 'indicators test', :p, :on, :on, 'home_visit', '1', :id, 'test')""")
                .param("id", campaign).param("p", province).param("on", on).update();
        jdbc.sql("""
                INSERT INTO field_submission (id, instance_id, campaign_id, form_id, form_version, surveyor_id, xml, xml_sha256,
                                              complete, processed_at)
                VALUES (:id, :instance, :c, 'home_visit', '1', :c, '<data/>', 'test', true, now())""")
                .param("id", submission).param("instance", "uuid:" + submission).param("c", campaign).update();
        jdbc.sql("""
                INSERT INTO field_visit (id, submission_id, campaign_id, surveyor_id, visited_on, subdistrict_code, province_code,
                                         outcome, consent_given, consent_purposes, member_count, income_per_member)
                VALUES (:id, :s, :c, :c, :on, :p || '0101', :p, 'VISITED', true, ARRAY['household'], 3, :income)""")
                .param("id", visit).param("s", submission).param("c", campaign).param("on", on).param("p", province)
                .param("income", incomePerMember).update();
        jdbc.sql("""
                INSERT INTO field_visit_child (id, visit_id, position, child_id, match, identifier_type, province_code)
                VALUES (:id, :v, 1, :child, 'MATCHED', 'NONE', :p)""")
                .param("id", visitChild).param("v", visit).param("child", child).param("p", province).update();
        for (String rule : rules) {
            jdbc.sql("""
                    INSERT INTO field_need (visit_child_id, child_id, rule_code, agency_type, found_on)
                    VALUES (:vc, :child, :rule, 'test', :on)""")
                    .param("vc", visitChild).param("child", child).param("rule", rule).param("on", on).update();
        }
    }
}
