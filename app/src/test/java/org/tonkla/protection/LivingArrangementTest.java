package org.tonkla.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonkla.protection.ProtectionScreeningTest.as;
import static org.tonkla.protection.ProtectionScreeningTest.classmate;
import static org.tonkla.protection.ProtectionScreeningTest.ok;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;

/**
 * Issue 17 §1 and §4: a screening records with whom the child lives (both parents, one parent, grandparents, other
 * relatives or others, an institution); living with neither parent is the item {@code not-with-parents} (alone, a
 * low risk). The whole-child view shows the arrangement in Thai, says that no attendance is recorded, and shows
 * each part only as far as the reader's agreements allow: a teacher of another agency whose agreement covers
 * health but not the household sees growth, vaccines and health notes, and neither the living arrangement nor the
 * household's income screening.
 */
class LivingArrangementTest extends IntegrationTest {

    static final UUID CHILD = classmate(19);

    @Autowired
    Accounts accounts;

    @Test
    void theArrangementIsRecordedAndShownOnlyToThoseWhoseAgreementsCoverTheHousehold() {
        var teacher = as(session(), "teacher.kk");
        String path = "/api/v1/protection/children/" + CHILD + "/screenings";
        assertThat(ok(teacher.postJson(path, "{\"items\":[],\"livingArrangement\":\"ZOO\"}"), 400)).contains("livingArrangement");
        String answer = ok(teacher.postJson(path, "{\"items\":[],\"livingArrangement\":\"GRANDPARENTS\"}"), 201);
        assertThat(answer).contains("\"level\":\"LOW\"").contains("not-with-parents");

        String full = ok(teacher.get("/children/" + CHILD + "/whole", "text/html"), 200);
        assertThat(section(full, "whole-living")).contains("id=\"living-arrangement\"").contains("ปู่ ย่า ตา หรือยาย");
        assertThat(section(full, "whole-education")).contains("id=\"no-attendance\"");
        // The screening form offers the five arrangements.
        String form = ok(teacher.get("/children/" + CHILD + "/protection", "text/html"), 200);
        for (LivingArrangement a : LivingArrangement.values()) assertThat(form).contains("value=\"" + a.name() + "\"");

        String username = "bma.teacher.health";
        if (!accounts.exists(username)) {
            accounts.create(new Accounts.AccountForm(username, "ครู กทม. (ทดสอบสุขภาพ)", Role.CAREGIVER,
                    new Scope("BMA", OrgUnit.area("4001")), "tonkla-demo", true), true);
        }
        var admin = as(session(), "admin");
        String agreement = agreement(admin);
        try {
            String partial = ok(as(session(), username).get("/children/" + CHILD + "/whole", "text/html"), 200);
            String health = section(partial, "whole-health");
            assertThat(health).doesNotContain("class=\"withheld\"");
            assertThat(section(partial, "whole-living")).contains("class=\"withheld\"").doesNotContain("living-arrangement");
            assertThat(section(partial, "whole-equity")).contains("class=\"withheld\"");
            assertThat(partial).doesNotContain("ปู่ ย่า ตา หรือยาย");
        } finally {
            ok(admin.postJson("/api/v1/agreements/" + agreement + "/status", "{\"status\":\"EXPIRED\",\"revision\":1}"),
                    204);
        }
    }

    /** BMA and DLA share identity and the health categories, not the household, for everyday care. */
    private static String agreement(WebClientSession admin) {
        String body = ok(admin.postJson("/api/v1/agreements", """
                {"code":"TEST-HEALTH-%d","titleTh":"ข้อตกลงทดสอบข้อมูลสุขภาพ","legalBasis":"พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล มาตรา 24",
                 "level":"NAMED","validFrom":"2024-01-01","parties":["BMA","DLA"],
                 "categories":["IDENTITY","GROWTH","DEVELOPMENT","IMMUNIZATION","HEALTH_NOTES"],
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
}
