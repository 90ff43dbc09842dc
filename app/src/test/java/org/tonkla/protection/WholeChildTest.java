package org.tonkla.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonkla.protection.ProtectionScreeningTest.as;
import static org.tonkla.protection.ProtectionScreeningTest.ok;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;

/**
 * Issue 17 §4: the whole-child view shows each part only as far as the reader's agreements allow. teacher.kk works
 * at มะลิ's center and sees every part; a teacher of another agency (BMA) whose agreement with DLA covers identity
 * and development for care sees development and enrolments, and for the living arrangement, growth and the
 * household only that they are withheld (not the guardian, not what a screening found); an officer of another
 * province gets 404; the child page links to the screening only for those who may write to the child; the family is sent to its own book; every view is in the access log.
 */
class WholeChildTest extends IntegrationTest {

    static final UUID MALI = ProtectionConcernTest.MALI;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;

    @Test
    void eachPartAsFarAsTheAgreementsAllow() {
        var teacher = as(session(), "teacher.kk");
        // A LOW screening, latest of all: the child lives with her grandmother (a household fact for the living
        // arrangement). Stored directly, so the family's log of the shared demo child stays as other tests expect it.
        jdbc.sql("""
                INSERT INTO protection_screening (id, child_id, province_code, district_code, recorded_by, recorded_at,
                                                  items, score, level) VALUES (?, ?, '40', '4001', ?, ?, ?, 2, 'LOW')""")
                .params(UUID.randomUUID(), MALI, UUID.randomUUID(), Timestamp.from(Instant.now().plusSeconds(86_400)),
                        new String[] {"not-with-parents"}).update();
        String guardian = jdbc.sql("SELECT g.given_name_th FROM guardian g JOIN child_guardian cg ON cg.guardian_id = g.id"
                + " WHERE cg.child_id = ? LIMIT 1").param(MALI).query(String.class).single();

        // The child page links to the screening for those who may write to the child, to the whole view for readers.
        String book = ok(teacher.get("/children/" + MALI, "text/html"), 200);
        assertThat(book).contains("href=\"/children/" + MALI + "/protection\"").contains("/children/" + MALI + "/whole");
        String officersBook = ok(as(session(), "officer.khonkaen").get("/children/" + MALI, "text/html"), 200);
        assertThat(officersBook).doesNotContain("/children/" + MALI + "/protection").contains("/children/" + MALI + "/whole");

        String full = page(teacher, 200);
        assertThat(count(full, "class=\"withheld\"")).isZero();
        // The arrangement and the caregivers; the protection screening's items only to protection roles (review 3 §7).
        assertThat(full).contains("id=\"whole-living\"").contains("id=\"living-arrangement\"")
                .doesNotContain("class=\"living-item\"").contains(guardian)
                .contains("id=\"whole-equity\"").contains("id=\"whole-health\"").contains("id=\"whole-education\"");
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND username = 'teacher.kk'"
                + " AND purpose = 'whole-child'").param(MALI).query(Long.class).single()).isPositive();

        String username = "bma.teacher.whole";
        if (!accounts.exists(username)) {
            accounts.create(new Accounts.AccountForm(username, "ครู กทม. (ทดสอบภาพรวมเด็ก)", Role.CAREGIVER,
                    new Scope("BMA", OrgUnit.area("4001")), "tonkla-demo", true), true);
        }
        var admin = as(session(), "admin");
        String agreement = agreement(admin);
        try {
            var other = as(session(), username);
            String partial = page(other, 200);
            // Living arrangement, household (equity) and growth, immunization, health notes withheld: five lines.
            assertThat(count(partial, "class=\"withheld\"")).isEqualTo(5);
            assertThat(section(partial, "whole-living")).contains("class=\"withheld\"").doesNotContain("living-item");
            assertThat(section(partial, "whole-equity")).contains("class=\"withheld\"");
            assertThat(section(partial, "whole-education")).doesNotContain("class=\"withheld\"");
            assertThat(partial).doesNotContain(guardian);
            assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND username = ?"
                    + " AND purpose = 'whole-child'").params(MALI, username).query(Long.class).single()).isPositive();
        } finally {
            ok(admin.postJson("/api/v1/agreements/" + agreement + "/status", "{\"status\":\"EXPIRED\",\"revision\":1}"),
                    204);
        }

        // Outside the reach: 404, as for a child that does not exist; the family reads its own book.
        page(as(session(), "officer.chiangmai"), 404);
        page(as(session(), "guardian.kk"), 403);
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND username = 'officer.chiangmai'"
                + " AND purpose = 'whole-child'").param(MALI).query(Long.class).single()).isZero();
    }

    private String page(WebClientSession s, int status) {
        var r = s.get("/children/" + MALI + "/whole", "text/html");
        assertThat(r.statusCode()).isEqualTo(status);
        return r.body();
    }

    /** BMA and DLA share identity and development for everyday care. */
    private String agreement(WebClientSession admin) {
        String body = ok(admin.postJson("/api/v1/agreements", """
                {"code":"TEST-WHOLE-%d","titleTh":"ข้อตกลงทดสอบภาพรวมเด็ก","legalBasis":"พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล มาตรา 24",
                 "level":"NAMED","validFrom":"2024-01-01","parties":["BMA","DLA"],"categories":["IDENTITY","DEVELOPMENT"],
                 "purposes":["CARE"]}""".formatted(System.nanoTime() % 1_000_000)), 201);
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(body);
        assertThat(m.find()).isTrue();
        ok(admin.postJson("/api/v1/agreements/" + m.group(1) + "/status", "{\"status\":\"ACTIVE\",\"revision\":0}"), 204);
        return m.group(1);
    }

    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static long count(String html, String s) {
        return Pattern.compile(Pattern.quote(s)).matcher(html).results().count();
    }
}
