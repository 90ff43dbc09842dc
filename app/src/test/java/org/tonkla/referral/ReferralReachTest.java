package org.tonkla.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;
import tools.jackson.databind.json.JsonMapper;

/**
 * Minimum necessary (issue 12 §4) in the kernel: a unit that received an open referral reads the child for
 * {@code referral} although the child is outside its scope, and only the categories the need calls for.
 */
class ReferralReachTest extends IntegrationTest {

    private static final String MALI = "0192f0a0-0000-7000-8000-0000000000c1";
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theReceivingUnitReadsOnlyWhatTheNeedCallsForWhileTheReferralIsOpen() {
        // A real รพ.สต. of the national list (HOSPCODE 04250, Khok Si), where มะลิ is not registered.
        UUID unit = jdbc.sql("SELECT id FROM service_unit WHERE hospcode = '04250'").query(UUID.class).single();
        String username = "kokesi.health." + SERIAL.incrementAndGet() + "." + System.nanoTime() % 100_000;
        accounts.create(new Accounts.AccountForm(username, "เจ้าหน้าที่ รพ.สต.โคกสี", Role.HEALTH_WORKER,
                new Scope("OPS-MOPH", OrgUnit.serviceUnit(unit)), "a-long-password", true), false);
        var receiver = session();
        assertThat(receiver.login(username, "a-long-password")).isEqualTo("/");
        assertThat(receiver.getJson("/api/v1/children/" + MALI + "?purpose=referral").statusCode())
                .as("no referral yet: outside the unit's scope").isEqualTo(403);

        WebClientSession teacher = ReferralFixtures.as(session(), "teacher.kk");
        UUID referral = ReferralFixtures.refer(teacher, unit, "");
        var book = receiver.getJson("/api/v1/children/" + MALI + "?purpose=referral");
        assertThat(book.statusCode()).as(book.body()).isEqualTo(200);
        var withheld = json.readTree(book.body()).get("withheld").toString();
        assertThat(withheld).contains("IMMUNIZATION").contains("HEALTH_NOTES").doesNotContain("GROWTH")
                .doesNotContain("DEVELOPMENT");
        assertThat(receiver.getJson("/api/v1/children/" + MALI + "?purpose=care").statusCode())
                .as("only for the referral").isEqualTo(403);

        ReferralFixtures.step(teacher, referral, "close", "{\"reason\":\"ส่งผิดหน่วย\",\"revision\":"
                + ReferralFixtures.field(teacher.getJson("/api/v1/referrals/" + referral).body(), "revision") + "}", 200);
        assertThat(receiver.getJson("/api/v1/children/" + MALI + "?purpose=referral").statusCode())
                .as("a closed referral grants nothing").isEqualTo(403);
    }
}
