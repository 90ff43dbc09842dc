package org.tonkla.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.consent.Retention;
import org.tonkla.demo.DemoUnits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13 §7, the family's part, on the demo data: the guardian's copy of the data holds exactly her
 * child's data; a correction request reaches the unit that recorded the fact and only it; the retention job
 * removes an expired photo, leaves the access log alone and reports what it removed.
 */
class FamilyViewTest extends IntegrationTest {

    static final UUID MALI = UUID.fromString("0192f0a0-0000-7000-8000-0000000000c1");
    static final UUID KONG = UUID.fromString("0192f0a0-0000-7000-8000-0000000000c2");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    Retention retention;

    WebClientSession as(String user) {
        var s = session();
        assertThat(s.login(user, "tonkla-demo")).isEqualTo("/");
        return s;
    }

    Set<String> ids(String table, UUID child) {
        return new HashSet<>(jdbc.sql("SELECT id::text FROM " + table + " WHERE child_id = ?"
                + (table.equals("health_note") ? "" : " AND superseded_by IS NULL")).param(child).query(String.class).list());
    }

    Set<String> ids(JsonNode array) {
        Set<String> out = new HashSet<>();
        for (JsonNode n : array) out.add(n.get("id").asString());
        return out;
    }

    @Test
    void theGuardiansCopyHoldsExactlyHerChildsData() {
        var guardian = as("guardian.kk");
        var page = guardian.get("/family/children/" + MALI, "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("มะลิ ใจดี", "สิ่งที่ต้องทำต่อไป", "เล่นกับลูกที่บ้าน", "ใครเปิดดูข้อมูลของลูก");

        var response = guardian.get("/family/children/" + MALI + "/export.json", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        JsonNode copy = json.readTree(response.body());
        assertThat(copy.get("format").asString()).isEqualTo("tonkla-child-export/1");
        assertThat(copy.get("child").get("id").toString()).contains(MALI.toString());
        assertThat(copy.get("nationalId").asString()).isNotBlank();
        assertThat(copy.get("guardians")).hasSize(1);
        assertThat(copy.get("guardians").get(0).get("givenNameTh").asString()).isEqualTo("สมหญิง");
        assertThat(ids(copy.get("measurements"))).isEqualTo(ids("growth_measurement", MALI));
        assertThat(ids(copy.get("screenings"))).isEqualTo(ids("dspm_screening", MALI)).isNotEmpty();
        assertThat(ids(copy.get("immunizations"))).isEqualTo(ids("immunization", MALI)).isNotEmpty();
        assertThat(ids(copy.get("healthNotes"))).isEqualTo(ids("health_note", MALI));
        Set<String> enrolments = new HashSet<>(jdbc.sql("SELECT id::text FROM enrolment WHERE child_id = ?").param(MALI)
                .query(String.class).list());
        assertThat(ids(copy.get("enrolments"))).isEqualTo(enrolments);
        // The whole access log of her child, the copy's own read included; nothing of another child.
        int logged = jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ?").param(MALI).query(Integer.class).single();
        assertThat(copy.get("accessLog").size()).isEqualTo(logged);
        assertThat(copy.get("accessLog").get(0).get("purpose").asString()).isEqualTo("export");
        assertThat(copy.has("consents")).isTrue();
        assertThat(response.body()).doesNotContain("ก้องภพ", "แสนดี", KONG.toString());

        // Another child's page and copy stay closed to her.
        assertThat(guardian.get("/family/children/" + KONG, "text/html").statusCode()).isEqualTo(403);
        assertThat(guardian.get("/family/children/" + KONG + "/export.json", "application/json").statusCode()).isEqualTo(403);
        // Staff who read Mali's record do not get the family's copy.
        assertThat(as("teacher.kk").get("/family/children/" + MALI + "/export.json", "application/json").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aCorrectionRequestReachesTheRecordingUnitOnly() {
        var guardian = as("guardian.kk");
        String text = "ชื่อภาษาอังกฤษสะกดผิด " + UUID.randomUUID();
        var sent = guardian.postForm("/family/children/" + MALI + "/correction-requests",
                "kind=IDENTITY&field=givenNameEn&description=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(sent.statusCode()).isEqualTo(302);
        UUID vaccine = jdbc.sql("SELECT id FROM immunization WHERE child_id = ? LIMIT 1").param(MALI).query(UUID.class).single();
        String vaccineText = "วันที่ฉีดไม่ถูกต้อง " + UUID.randomUUID();
        assertThat(guardian.postForm("/family/children/" + MALI + "/correction-requests", "kind=IMMUNIZATION&factId=" + vaccine
                + "&description=" + java.net.URLEncoder.encode(vaccineText, java.nio.charset.StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(302);
        // A fact of another child is not hers to name.
        UUID kongsVaccine = jdbc.sql("SELECT id FROM immunization WHERE child_id = ? LIMIT 1").param(KONG).query(UUID.class).single();
        // Refused back to the form with the field named (and nothing filed).
        guardian.get("/family/children/" + MALI, "text/html"); // shows (and so clears) the previous confirmation
        var refused = guardian.postForm("/family/children/" + MALI + "/correction-requests",
                "kind=IMMUNIZATION&factId=" + kongsVaccine + "&description=x");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(guardian.get("/family/children/" + MALI, "text/html").body()).contains("correction-error");
        assertThat(jdbc.sql("SELECT count(*) FROM correction_request WHERE fact_id = ?").param(kongsVaccine)
                .query(Long.class).single()).isZero();

        UUID request = jdbc.sql("SELECT id FROM correction_request WHERE child_id = ? AND description = ?")
                .params(MALI, text).query(UUID.class).single();
        assertThat(jdbc.sql("SELECT unit_id FROM correction_request WHERE id = ?").param(request).query(UUID.class).single())
                .isEqualTo(DemoUnits.KHON_KAEN_CENTER);
        assertThat(jdbc.sql("SELECT unit_id FROM correction_request WHERE description = ?").param(vaccineText)
                .query(UUID.class).single()).isEqualTo(DemoUnits.KHON_KAEN_HEALTH_CENTER);

        // The center's teacher sees the identity request, not the health center's vaccine request.
        var teacher = as("teacher.kk");
        String list = teacher.get("/units/" + DemoUnits.KHON_KAEN_CENTER + "/correction-requests", "text/html").body();
        assertThat(list).contains(text).doesNotContain(vaccineText);
        assertThat(as("health.kk").get("/units/" + DemoUnits.KHON_KAEN_HEALTH_CENTER + "/correction-requests", "text/html")
                .body()).contains(vaccineText).doesNotContain(text);
        // Other units, officers and the family do not see the center's list, nor resolve its requests.
        for (String other : List.of("health.kk", "school.kk", "officer.khonkaen", "guardian.kk")) {
            assertThat(as(other).get("/units/" + DemoUnits.KHON_KAEN_CENTER + "/correction-requests", "text/html").statusCode())
                    .as(other).isEqualTo(403);
        }
        assertThat(as("health.kk").postForm("/units/" + DemoUnits.KHON_KAEN_HEALTH_CENTER + "/correction-requests/" + request,
                "corrected=true&revision=0").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT status FROM correction_request WHERE id = ?").param(request).query(String.class).single())
                .isEqualTo("OPEN");

        // A rejection needs a reason; with one, the teacher resolves it and the guardian sees the status.
        assertThat(teacher.postForm("/units/" + DemoUnits.KHON_KAEN_CENTER + "/correction-requests/" + request,
                "corrected=false&revision=0").statusCode()).isEqualTo(400);
        assertThat(teacher.postForm("/units/" + DemoUnits.KHON_KAEN_CENTER + "/correction-requests/" + request,
                "corrected=false&revision=0&resolution=" + java.net.URLEncoder.encode("สะกดตามสูติบัตร",
                        java.nio.charset.StandardCharsets.UTF_8)).statusCode()).isEqualTo(302);
        // Someone resolving it again with the old revision: 409.
        assertThat(teacher.postForm("/units/" + DemoUnits.KHON_KAEN_CENTER + "/correction-requests/" + request,
                "corrected=true&revision=0").statusCode()).isEqualTo(409);
        String family = guardian.get("/family/children/" + MALI, "text/html").body();
        assertThat(family).contains(text, "ไม่แก้ไข", "สะกดตามสูติบัตร", vaccineText, "รอหน่วยตรวจสอบ");
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND purpose = 'correction-request' AND username = 'teacher.kk' AND action = 'WRITE'")
                .param(MALI).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theRetentionJobRemovesAnExpiredPhotoKeepsTheLogAndReportsIt() {
        List<UUID> children = jdbc.sql("SELECT id FROM child WHERE id NOT IN (?, ?) ORDER BY id LIMIT 2 OFFSET 150")
                .params(MALI, KONG).query(UUID.class).list();
        UUID old = children.get(0);
        UUID recent = children.get(1);
        Instant now = Instant.now(clock);
        for (UUID child : children) {
            String sha = String.format("%064d", child.hashCode() & 0x7fffffff);
            jdbc.sql("UPDATE child SET photo_sha256 = ? WHERE id = ?").params(sha, child).update();
            jdbc.sql("""
                    INSERT INTO child_correction (id, child_id, field, old_value, new_value, reason, corrected_by, corrected_at,
                                                  province_code)
                    SELECT gen_random_uuid(), id, 'photo', NULL, ?, 'new photo', 'test', ?, province_code FROM child WHERE id = ?""")
                    .params(sha, Timestamp.from(child.equals(old) ? now.minus(4 * 366, ChronoUnit.DAYS) : now.minus(30, ChronoUnit.DAYS)),
                            child).update();
        }
        int logBefore = jdbc.sql("SELECT count(*) FROM access_log").query(Integer.class).single();

        var run = retention.run(false).orElseThrow();

        assertThat(jdbc.sql("SELECT photo_sha256 FROM child WHERE id = ?").param(old).query(String.class).optional()).isEmpty();
        assertThat(jdbc.sql("SELECT photo_sha256 FROM child WHERE id = ?").param(recent).query(String.class).single()).isNotNull();
        assertThat(run.removals()).anySatisfy(r -> {
            assertThat(r.childId()).isEqualTo(old);
            assertThat(r.what()).isEqualTo("child photo");
        }).noneSatisfy(r -> assertThat(r.childId()).isEqualTo(recent));
        assertThat(jdbc.sql("SELECT count(*) FROM access_log").query(Integer.class).single()).isEqualTo(logBefore);
        assertThat(jdbc.sql("SELECT reason FROM child_correction WHERE child_id = ? AND field = 'photo' AND new_value IS NULL")
                .param(old).query(String.class).single()).contains("retention");

        // A scheduled run claims its day once, whatever the number of nodes.
        retention.run(true);
        assertThat(retention.run(true)).isEmpty();

        var admin = as("admin");
        var report = admin.getJson("/api/v1/retention/runs");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains(old.toString(), "\"PHOTOS\":\"P3Y\"");
        assertThat(as("teacher.kk").getJson("/api/v1/retention/runs").statusCode()).isEqualTo(403);
    }
}
