package org.tonkla.recordbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;

/**
 * Issue 10 §8: the guardian's list of who opened her child's record is not crowded out by her own visits;
 * they are left out of the list and counted apart.
 */
class FamilyAccessLogTest extends IntegrationTest {

    /** มะลิ ใจดี, guardian.kk's daughter, registered at the KK health center. */
    private static final String MALI = "0192f0a0-0000-7000-8000-0000000000c1";

    @Autowired
    JdbcClient jdbc;

    @Test
    void othersAccessesStayListedAfterManyOwnViews() {
        var health = session();
        assertThat(health.login("health.kk", "tonkla-demo")).isEqualTo("/");
        assertThat(health.get("/children/" + MALI, "text/html").statusCode()).isEqualTo(200);
        // Then the mother opens the record book 250 times (written as the kernel writes them, later than the read).
        jdbc.sql("""
                INSERT INTO access_log (id, occurred_at, child_id, province_code, username, role, action, purpose)
                SELECT gen_random_uuid(), clock_timestamp(), ?, '40', 'guardian.kk', 'GUARDIAN', 'READ', 'family-view'
                  FROM generate_series(1, 250) AS n""").param(java.util.UUID.fromString(MALI)).update();

        var guardian = session();
        assertThat(guardian.login("guardian.kk", "tonkla-demo")).isEqualTo("/");
        String page = guardian.get("/family/children/" + MALI, "text/html").body();
        assertThat(page).contains("เจ้าหน้าที่ รพ.สต. ขอนแก่น (สาธิต)");
        assertThat(page).containsPattern("คุณเปิดดูเอง \\d+ ครั้ง \\(ไม่แสดงในรายการ\\)");
        String list = page.substring(page.indexOf("access-entry") - 200);
        assertThat(list).doesNotContain("guardian.kk");
    }
}
