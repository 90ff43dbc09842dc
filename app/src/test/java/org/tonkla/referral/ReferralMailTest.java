package org.tonkla.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonkla.referral.ReferralFixtures.HEALTH_CENTER;
import static org.tonkla.referral.ReferralFixtures.as;
import static org.tonkla.referral.ReferralFixtures.refer;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.identity.Mailboxes;
import org.tonkla.platform.TonklaProperties;

/**
 * Issue 12 §3: a referral's notification reaches the receiving unit's accounts by e-mail through a real SMTP
 * server (GreenMail, on the port the tests' configuration gives Tonkla's SMTP settings), carrying the link to
 * the referral and nothing that names the child.
 */
class ReferralMailTest extends IntegrationTest {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    /** The shared demo accounts have no address again, so other tests send nothing. */
    @AfterEach
    void forget() {
        mailboxes.set("health.kk", null);
    }

    @Autowired Mailboxes mailboxes;
    @Autowired JdbcClient jdbc;
    @Autowired TonklaProperties tonkla;

    @Test
    void theReceivingUnitIsMailedALinkThatDoesNotNameTheChild() throws Exception {
        mailboxes.set("health.kk", "health.kk@hc99001.example.org");
        mailboxes.set("teacher.kk", null);
        UUID id = refer(as(session(), "teacher.kk"), HEALTH_CENTER, "");

        assertThat(SMTP.waitForIncomingEmail(15_000, 1)).as("a message arrives").isTrue();
        MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> body(m).contains(id.toString())).findFirst().orElseThrow();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("health.kk@hc99001.example.org");
        String text = mail.getSubject() + "\n" + body(mail);
        assertThat(text).contains(tonkla.publicUrl() + "/referrals/" + id).contains("มีเรื่องส่งต่อถึงหน่วยของคุณ");

        String childName = jdbc.sql("SELECT child_name FROM referral WHERE id = ?").param(id).query(String.class).single();
        assertThat(childName).isNotBlank();
        for (String part : childName.split("\\s+")) assertThat(text).doesNotContain(part);
        assertThat(text).doesNotContain("ไม่พูดเป็นคำ");   // nor the referral's reason
        // The outbox row is marked sent just after the SMTP server has the message: wait for it, then exactly one.
        await(() -> jdbc.sql("SELECT count(*) FROM referral_mail WHERE referral_id = ? AND sent_at IS NOT NULL")
                .param(id).query(Integer.class).single() >= 1);
        assertThat(jdbc.sql("SELECT count(*) FROM referral_mail WHERE referral_id = ? AND sent_at IS NOT NULL")
                .param(id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aFailedSendIsKeptAndRetriedWithoutFailingTheReferral() {
        mailboxes.set("health.kk", "health.kk@hc99001.example.org");
        SMTP.stop();
        UUID id;
        try {
            id = refer(as(session(), "teacher.kk"), HEALTH_CENTER, "");   // 201 although the server is down
            await(() -> jdbc.sql("SELECT attempts FROM referral_mail WHERE referral_id = ?").param(id)
                    .query(Integer.class).single() >= 1);
            assertThat(jdbc.sql("SELECT sent_at IS NULL AND last_error IS NOT NULL FROM referral_mail WHERE referral_id = ?")
                    .param(id).query(Boolean.class).single()).isTrue();
        } finally {
            SMTP.start();
        }
        // The retry picks it up once it is due again.
        jdbc.sql("UPDATE referral_mail SET next_attempt_at = now() WHERE referral_id = ?").param(id).update();
        await(() -> {
            mailer().sendPending();
            return jdbc.sql("SELECT sent_at IS NOT NULL FROM referral_mail WHERE referral_id = ?").param(id)
                    .query(Boolean.class).single();
        });
    }

    @Autowired org.tonkla.referral.internal.ReferralMailer mailerBean;

    private org.tonkla.referral.internal.ReferralMailer mailer() {
        return mailerBean;
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long until = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) throw new AssertionError("timed out");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static String body(MimeMessage m) {
        try {
            return String.valueOf(m.getContent());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
