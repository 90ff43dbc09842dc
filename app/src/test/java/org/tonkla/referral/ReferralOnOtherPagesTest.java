package org.tonkla.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonkla.referral.ReferralFixtures.HEALTH_CENTER;
import static org.tonkla.referral.ReferralFixtures.MALI;
import static org.tonkla.referral.ReferralFixtures.as;
import static org.tonkla.referral.ReferralFixtures.refer;

import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tonkla.IntegrationTest;

/**
 * Issue 12 §3: the home page counts the unit's incoming, outgoing and overdue referrals; the child page lists
 * the child's referrals the user is party to, with "refer" for those who record children.
 */
class ReferralOnOtherPagesTest extends IntegrationTest {

    @Test
    void theHomePageCountsTheUnitsQueues() {
        var health = as(session(), "health.kk");
        int before = count(health.get("/", "text/html").body(), "incoming");
        refer(as(session(), "teacher.kk"), HEALTH_CENTER, "");
        String home = health.get("/", "text/html").body();
        assertThat(home).contains("id=\"home-referrals\"");
        assertThat(count(home, "incoming")).isEqualTo(before + 1);
        // The guardian has no queues: no counts on their home page.
        assertThat(as(session(), "guardian.kk").get("/", "text/html").body()).doesNotContain("home-referrals");
    }

    @Test
    void theChildPageListsTheChildsReferralsAndOffersToRefer() {
        var teacher = as(session(), "teacher.kk");
        UUID id = refer(teacher, HEALTH_CENTER, "");
        String page = teacher.get("/children/" + MALI, "text/html").body();
        assertThat(page).contains("id=\"child-referrals\"").contains("/referrals/" + id)
                .contains("/referrals/new?child=" + MALI);
        // An officer reads the child but records nothing: the list without "refer"; and not the referral
        // itself, which is the two units' and the family's.
        String officer = as(session(), "officer.khonkaen").get("/children/" + MALI, "text/html").body();
        assertThat(officer).contains("id=\"child-referrals\"").doesNotContain("id=\"refer\"")
                .doesNotContain("/referrals/" + id);
    }

    private static int count(String html, String box) {
        var m = Pattern.compile("id=\"home-referrals-" + box + "\"[^>]*>\\s*<span>[^<]*</span>\\s*<strong class=\"count\">(\\d+)")
                .matcher(html);
        assertThat(m.find()).as("the " + box + " count on the home page").isTrue();
        return Integer.parseInt(m.group(1));
    }
}
