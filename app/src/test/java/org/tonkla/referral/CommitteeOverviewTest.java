package org.tonkla.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonkla.referral.ReferralFixtures.*;

import org.junit.jupiter.api.Test;
import org.tonkla.IntegrationTest;

/** Issue 12 §5 (first part): the district committee's secretary sees the area's referrals in counts, no child named. */
class CommitteeOverviewTest extends IntegrationTest {

    @Test
    void theCommitteeSecretarySeesDeIdentifiedCountsOfTheDistrict() {
        refer(as(session(), "teacher.kk"), HEALTH_CENTER, "");
        var secretary = as(session(), "committee.kk");
        var page = secretary.get("/referrals/committee", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("ภาพรวมการส่งต่อของพื้นที่").contains("OPS-MOPH").contains("สงสัยพัฒนาการล่าช้า");
        assertThat(page.body()).doesNotContain("มะลิ").doesNotContain("ก้องภพ");
        assertThat(as(session(), "teacher.kk").get("/referrals/committee", "text/html").statusCode()).isEqualTo(403);
    }

    @Test
    void smallCountsAreShownAsARange() {
        assertThat(CommitteeOverview.mask(0)).isEqualTo("0");
        assertThat(CommitteeOverview.mask(2)).isEqualTo("<3");
        assertThat(CommitteeOverview.mask(3)).isEqualTo("3");
    }
}
