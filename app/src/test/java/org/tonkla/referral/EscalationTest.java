package org.tonkla.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonkla.referral.ReferralFixtures.*;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonkla.IntegrationTest;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;

/** Issue 12 §2: a suspected delay not seen within 30 days escalates to the receiving agency's district supervisors. */
class EscalationTest extends IntegrationTest {

    @Autowired
    Escalations escalations;
    @Autowired
    Accounts accounts;

    @Test
    void anOverdueReferralEscalatesToTheDistrictSupervisorOfTheReceivingAgency() {
        var teacher = as(session(), "teacher.kk");
        UUID id = refer(teacher, HEALTH_CENTER, "");
        String due = field(teacher.getJson("/api/v1/referrals/" + id).body(), "dueOn");
        assertThat(due).isEqualTo(today().plusDays(30).toString());

        // Day 30: not overdue yet; day 31: overdue, escalated once.
        escalations.run(Clock.offset(clock, Duration.ofDays(30)));
        assertThat(field(teacher.getJson("/api/v1/referrals/" + id).body(), "escalatedAt")).isEqualTo("null");
        escalations.run(Clock.offset(clock, Duration.ofDays(31)));
        String escalated = teacher.getJson("/api/v1/referrals/" + id).body();
        assertThat(field(escalated, "escalatedAt")).isNotEqualTo("null");
        assertThat(escalated).contains("\"kind\":\"escalated\"");
        escalations.run(Clock.offset(clock, Duration.ofDays(32)));
        assertThat(teacher.getJson("/api/v1/referrals/" + id).body().split("\"kind\":\"escalated\"", -1)).hasSize(2);

        // The supervisor of the health center's agency in its district (Mueang Khon Kaen) is told and sees it.
        if (!accounts.exists("supervisor.moph.4001")) {
            accounts.create(new Accounts.AccountForm("supervisor.moph.4001", "สสอ.เมืองขอนแก่น (ทดสอบ)",
                    Role.PROVINCIAL_OFFICER, new Scope("OPS-MOPH", OrgUnit.area("4001")), PASSWORD, true), true);
        }
        var supervisor = as(session(), "supervisor.moph.4001");
        assertThat(supervisor.getJson("/api/v1/referrals/notifications").body()).contains(id.toString())
                .contains("referral.notice.escalated");
        assertThat(supervisor.getJson("/api/v1/referrals?box=overdue").body()).contains(id.toString());
        assertThat(supervisor.getJson("/api/v1/referrals/" + id).statusCode()).isEqualTo(200);
        // A supervisor of another agency is not told.
        var dcy = as(session(), "officer.khonkaen");
        assertThat(dcy.getJson("/api/v1/referrals/notifications").body()).doesNotContain(id.toString());
        // Both units see it overdue in their queues.
        assertThat(teacher.getJson("/api/v1/referrals/notifications").body()).contains("referral.notice.overdue");
    }
}
