package org.tonkla.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonkla.referral.ReferralFixtures.MALI;
import static org.tonkla.referral.ReferralFixtures.SOCIAL_OFFICE;
import static org.tonkla.referral.ReferralFixtures.as;
import static org.tonkla.referral.ReferralFixtures.field;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;

/**
 * Issue 12 §4: a referral to a non-health agency on a legal basis waits on the province's review list until an
 * officer marks it reviewed; who and when are kept, and a second officer marking it is told it is done.
 */
class ReferralReviewTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    @Test
    void anOfficerMarksALegalBasisReferralReviewedOnce() {
        var teacher = as(session(), "teacher.kk");
        var created = teacher.postJson("/api/v1/referrals", """
                {"childId":"%s","toUnit":"%s","needType":"child-protection","reason":"รอยช้ำซ้ำหลายครั้ง",
                 "basis":"CHILD_PROTECTION","legalReason":"พ.ร.บ.คุ้มครองเด็ก มาตรา 29"}""".formatted(MALI, SOCIAL_OFFICE));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(field(created.body(), "id"));

        var officer = as(session(), "officer.khonkaen");
        assertThat(officer.get("/referrals/reviews", "text/html").body()).contains("/referrals/" + id + "/review");

        // Chiang Mai's officer cannot mark Khon Kaen's referral: there is none for them.
        var cm = as(session(), "officer.chiangmai");
        assertThat(cm.postForm("/referrals/" + id + "/review", "").statusCode()).isEqualTo(404);
        // Nor can the referring teacher review their own referral.
        assertThat(teacher.postForm("/referrals/" + id + "/review", "").statusCode()).isEqualTo(403);

        var marked = officer.postForm("/referrals/" + id + "/review", "");
        assertThat(marked.statusCode()).isEqualTo(302);
        assertThat(officer.get("/referrals/reviews", "text/html").body()).contains("review-saved")
                .doesNotContain("/referrals/" + id + "/review");
        var row = jdbc.sql("SELECT reviewed_by, reviewed_at IS NOT NULL FROM referral WHERE id = ?").param(id)
                .query((rs, i) -> rs.getString(1) + "|" + rs.getBoolean(2)).single();
        assertThat(row).isEqualTo("เจ้าหน้าที่จังหวัดขอนแก่น (สาธิต)|true");
        assertThat(jdbc.sql("SELECT count(*) FROM referral_event WHERE referral_id = ? AND kind = 'reviewed'")
                .param(id).query(Integer.class).single()).isEqualTo(1);

        // A second officer (or a second tab) marking it again: told someone did, nothing changes.
        var again = as(session(), "officer.khonkaen");
        assertThat(again.postForm("/referrals/" + id + "/review", "").statusCode()).isEqualTo(302);
        assertThat(again.get("/referrals/reviews", "text/html").body()).contains("review-conflict");
        assertThat(jdbc.sql("SELECT count(*) FROM referral_event WHERE referral_id = ? AND kind = 'reviewed'")
                .param(id).query(Integer.class).single()).isEqualTo(1);
    }
}
