package org.tonkla.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;
import org.tonkla.platform.Refused;
import org.tonkla.referral.internal.DashboardWorkbook;

/**
 * Issue 12 §7: the officers' dashboard on a known fixture in a district of Chiang Mai no other test uses: five
 * referrals received there with set times, so the counts, the median and 90th percentile (PostgreSQL's
 * percentile_cont, linear interpolation) and the overdue lines are known by hand; and Khon Kaen's officer sees
 * none of them.
 */
class ReferralDashboardTest extends IntegrationTest {

    static final String DISTRICT = "5099";
    static final UUID CM_HEALTH_UNIT = UUID.nameUUIDFromBytes("dashboard-test:cm-health-unit".getBytes());
    static final UUID CM_CENTER = UUID.fromString("0192f0a0-0000-7000-8000-000000000005");

    @Autowired JdbcClient jdbc;
    @Autowired ReferralDashboard dashboard;
    @Autowired DashboardWorkbook workbook;

    final CurrentUser officerCm = officer("50");
    final CurrentUser officerKk = officer("40");

    static CurrentUser officer(String province) {
        return new CurrentUser(UUID.randomUUID(), "dashboard." + province, "officer " + province,
                Role.PROVINCIAL_OFFICER, new Scope("DCY", OrgUnit.area(province)), "th");
    }

    @BeforeEach
    void fixture() {
        String subdistrict = jdbc.sql("SELECT code FROM area WHERE code LIKE '50%' AND length(code) = 6 ORDER BY code LIMIT 1")
                .query(String.class).single();
        jdbc.sql("""
                INSERT INTO service_unit (id, type, name_th, agency_code, subdistrict_code, district_code, province_code, hospcode)
                VALUES (?, 'HEALTH_CENTER', 'รพ.สต.ทดสอบแดชบอร์ด', 'OPS-MOPH', ?, ?, '50', '98761') ON CONFLICT DO NOTHING""")
                .params(CM_HEALTH_UNIT, subdistrict, subdistrict.substring(0, 4)).update();
        if (jdbc.sql("SELECT count(*) FROM referral WHERE to_area_code = ?").param(DISTRICT).query(Integer.class).single() > 0) {
            return;
        }
        Instant t0 = Instant.now(clock).minus(Duration.ofDays(40));
        // developmental-delay: two completed (accepted after 2 and 4 days, completed after 10 and 20), one in
        // service accepted after 6 days and past due, one never opened and past due; growth: one declined.
        referral("developmental-delay", "COMPLETED", CM_HEALTH_UNIT, t0, 2, 10, false);
        referral("developmental-delay", "COMPLETED", CM_HEALTH_UNIT, t0, 4, 20, false);
        referral("developmental-delay", "IN_SERVICE", CM_HEALTH_UNIT, t0, 6, -1, true);
        referral("developmental-delay", "CREATED", CM_HEALTH_UNIT, t0, -1, -1, true);
        referral("growth", "DECLINED", CM_CENTER, t0, -1, -1, true);
    }

    private void referral(String need, String status, UUID to, Instant created, int acceptedAfter, int completedAfter,
            boolean pastDue) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO referral (id, child_id, province_code, child_name, child_birth_date, need_type, reason, from_unit,
                    to_unit, to_area_code, to_agencies, status, revision, created_by, created_by_name, created_at, updated_at,
                    due_on, legal_basis, decline_reason, outcome)
                VALUES (?, ?, '50', 'เด็ก ทดสอบ', DATE '2023-01-01', ?, 'dashboard-test', ?, ?, ?, ARRAY['OPS-MOPH','MOPH'], ?, 0, ?,
                    'dashboard-test', ?, ?, ?, 'HEALTH_SERVICE', ?, ?)""")
                .params(id, UUID.randomUUID(), need, UUID.randomUUID(), to, DISTRICT, status, UUID.randomUUID(),
                        Timestamp.from(created), Timestamp.from(created),
                        Date.valueOf(pastDue ? today().minusDays(5) : today().plusDays(30)),
                        status.equals("DECLINED") ? "x" : null, status.equals("COMPLETED") ? "SUPPORT_PROVIDED" : null)
                .update();
        event(id, created, "created");
        if (acceptedAfter >= 0) event(id, created.plus(Duration.ofDays(acceptedAfter)), "accepted");
        if (completedAfter >= 0) event(id, created.plus(Duration.ofDays(completedAfter)), "completed");
    }

    private void event(UUID referral, Instant at, String kind) {
        jdbc.sql("""
                INSERT INTO referral_event (id, referral_id, occurred_at, kind, status, display_name)
                VALUES (?, ?, ?, ?, 'CREATED', 'dashboard-test')""")
                .params(UUID.randomUUID(), referral, Timestamp.from(at), kind).update();
    }

    @Test
    void theFiguresOfAKnownDistrictAreRight() {
        var report = dashboard.report(officerCm, DISTRICT);

        assertThat(report.byNeedAndStatus()).containsOnlyKeys("developmental-delay", "growth");
        assertThat(report.byNeedAndStatus().get("developmental-delay")).containsEntry(ReferralStatus.COMPLETED, 2)
                .containsEntry(ReferralStatus.IN_SERVICE, 1).containsEntry(ReferralStatus.CREATED, 1).hasSize(3);
        assertThat(report.byNeedAndStatus().get("growth")).containsExactlyEntriesOf(
                java.util.Map.of(ReferralStatus.DECLINED, 1));
        assertThat(report.total("developmental-delay")).isEqualTo(4);

        var all = report.timings().stream().filter(t -> t.needType() == null).findFirst().orElseThrow();
        // Acceptance after 2, 4, 6 days: median 4, p90 = 4 + 0.8 × (6 − 4) = 5.6.
        assertThat(all.accepted()).isEqualTo(3);
        assertThat(all.acceptMedian()).isEqualTo(4.0);
        assertThat(all.acceptP90()).isEqualTo(5.6);
        // Completion after 10 and 20 days: median 15, p90 = 10 + 0.9 × 10 = 19.
        assertThat(all.completed()).isEqualTo(2);
        assertThat(all.completeMedian()).isEqualTo(15.0);
        assertThat(all.completeP90()).isEqualTo(19.0);
        var growth = report.timings().stream().filter(t -> "growth".equals(t.needType())).findFirst().orElseThrow();
        assertThat(growth.accepted()).isZero();
        assertThat(growth.acceptMedian()).isNull();

        // Overdue: the two open developmental referrals at the health unit; the declined one is closed, not overdue.
        assertThat(report.overdueByUnit()).singleElement().satisfies(u -> {
            assertThat(u.unit()).isEqualTo(CM_HEALTH_UNIT);
            assertThat(u.code()).isEqualTo("98761");
            assertThat(u.overdue()).isEqualTo(2);
        });
        assertThat(report.overdueByAgency()).containsExactlyEntriesOf(java.util.Map.of("OPS-MOPH", 2));
    }

    @Test
    void theWorkbookLeadsWithTheOfficialUnitCode() throws Exception {
        var out = new ByteArrayOutputStream();
        workbook.write(dashboard.report(officerCm, DISTRICT), out);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var units = wb.getSheetAt(0);
            assertThat(units.getRow(0).getCell(0).getStringCellValue()).isEqualTo("รหัสหน่วยบริการ");
            assertThat(units.getRow(1).getCell(0).getStringCellValue()).isEqualTo("98761");
            assertThat(units.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(2.0);
            var timing = wb.getSheetAt(3);
            var lastRow = timing.getRow(timing.getLastRowNum());
            assertThat(lastRow.getCell(0).getStringCellValue()).isEqualTo("ทุกประเภท");
            assertThat(lastRow.getCell(3).getNumericCellValue()).isEqualTo(5.6);
        }
    }

    @Test
    void anOfficerOfAnotherProvinceSeesNoneOfIt() {
        assertThatThrownBy(() -> dashboard.report(officerKk, DISTRICT)).isInstanceOf(Refused.class);
        assertThatThrownBy(() -> dashboard.report(officerKk, "50")).isInstanceOf(Refused.class);
        var kk = dashboard.report(officerKk, null);
        assertThat(kk.area()).isEqualTo("40");
        assertThat(kk.overdueByUnit()).noneMatch(u -> u.unit().equals(CM_HEALTH_UNIT) || u.unit().equals(CM_CENTER));
        // Through the page too: Khon Kaen's officer asking for the Chiang Mai district is refused.
        var s = ReferralFixtures.as(session(), "officer.khonkaen");
        assertThat(s.get("/referrals/dashboard?area=" + DISTRICT, "text/html").statusCode()).isEqualTo(403);
        var cm = ReferralFixtures.as(session(), "officer.chiangmai");
        var page = cm.get("/referrals/dashboard?area=" + DISTRICT, "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("98761");
        var xlsx = cm.get("/referrals/dashboard.xlsx?area=" + DISTRICT, "*/*");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
    }
}
