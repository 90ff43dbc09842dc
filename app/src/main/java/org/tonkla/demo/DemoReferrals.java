package org.tonkla.demo;

import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tonkla.identity.CurrentUser;
import org.tonkla.referral.ReferralOutcome;
import org.tonkla.referral.ReferralSteps;
import org.tonkla.referral.Referrals;

/**
 * The demo's referrals (issue 12), made through the referral module as its users would: ก้องภพ's suspected
 * language delay waits in the health center's incoming queue, and a classmate's growth referral has come back
 * completed with its outcome for {@code teacher.kk} to see.
 */
@Component
class DemoReferrals {

    private final Referrals referrals;
    private final ReferralSteps steps;

    DemoReferrals(Referrals referrals, ReferralSteps steps) {
        this.referrals = referrals;
        this.steps = steps;
    }

    /** {@code users} by username: the demo logins just created. */
    void load(Map<String, CurrentUser> users) {
        CurrentUser teacher = users.get("teacher.kk");
        CurrentUser health = users.get("health.kk");
        referrals.create(new Referrals.NewReferral(DemoChildren.HANDOVER_CHILD.value(), null,
                DemoUnits.KHON_KAEN_HEALTH_CENTER, "developmental-delay", "need.dspm.suspected", null,
                "DSPM 42 เดือน ด้านภาษาไม่ผ่าน ฝึกที่บ้านครบ 1 เดือนแล้วยังไม่ผ่าน ขอประเมินซ้ำ", null, null), teacher);
        UUID classmate = UUID.nameUUIDFromBytes("demo-class:3".getBytes());
        var growth = referrals.create(new Referrals.NewReferral(classmate, null, DemoUnits.KHON_KAEN_HEALTH_CENTER,
                "growth", null, null, "น้ำหนักไม่ขึ้นสองเดือนติดกัน", null, null), teacher);
        steps.accept(growth.id(), growth.revision(), health);
        steps.complete(growth.id(), growth.revision() + 1, ReferralOutcome.SUPPORT_PROVIDED,
                "ให้คำแนะนำโภชนาการผู้ปกครอง นัดชั่งน้ำหนักทุกเดือน", health);
    }
}
