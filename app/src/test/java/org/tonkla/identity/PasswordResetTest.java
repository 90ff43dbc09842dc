package org.tonkla.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.TonklaProperties;

/**
 * Issue 10 §6, password reset by e-mail: the link arrives through a real SMTP server (GreenMail) and carries a
 * token, never a password; only the token's hash is stored; the token works once and not after it expires; and
 * asking for an account that does not exist answers exactly as asking for one that does.
 */
class PasswordResetTest extends IntegrationTest {

    private static final Pattern LINK = Pattern.compile("/password-reset/([A-Za-z0-9_-]{43})");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final String OLD_PASSWORD = "old-password-4711";
    static GreenMail smtp;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired Accounts accounts;
    @Autowired Mailboxes mailboxes;
    @Autowired PasswordResets resets;
    @Autowired JdbcClient jdbc;
    @Autowired TonklaProperties tonkla;

    private String account(String email) {
        String username = "reset." + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new Accounts.AccountForm(username, "ทดสอบ ลืมรหัส", Role.CAREGIVER, new Scope(null, OrgUnit.country()),
                OLD_PASSWORD, true), false);
        mailboxes.set(username, email);
        return username;
    }

    /** Asks through the login page's "forgot your password?" form, as someone not signed in. */
    private HttpResponse<String> ask(WebClientSession anonymous, String what) {
        String page = anonymous.get("/password-reset", "text/html").body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        return anonymous.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/password-reset"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("account=" + URLEncoder.encode(what, StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build());
    }

    private MimeMessage mailTo(String address) throws Exception {
        for (int i = 0; i < 150; i++) {
            var found = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals(address);
                } catch (Exception e) {
                    return false;
                }
            }).findFirst();
            if (found.isPresent()) return found.get();
            Thread.sleep(100);
        }
        throw new AssertionError("no e-mail to " + address);
    }

    private static String token(String body) {
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as("the mail carries the link").isTrue();
        return m.group(1);
    }

    @Test
    void theLinkIsMailedWithoutAPasswordAndWorksOnce() throws Exception {
        String address = "forgot-" + UUID.randomUUID().toString().substring(0, 6) + "@example.go.th";
        String username = account(address);
        var asked = ask(new WebClientSession("http://localhost:" + port), username);
        assertThat(asked.statusCode()).isEqualTo(200);

        String body = String.valueOf(mailTo(address).getContent());
        String text = mailTo(address).getSubject() + "\n" + body;
        String token = token(body);
        assertThat(body).contains(tonkla.publicUrl() + "/password-reset/" + token).contains("ตั้งรหัสผ่านใหม่");
        assertThat(text).doesNotContain(OLD_PASSWORD);
        // Only the hash is kept: the token itself is nowhere in the table.
        var stored = jdbc.sql("SELECT token_hash FROM password_reset r JOIN app_user u ON u.id = r.user_id WHERE u.username = ?")
                .param(username).query(byte[].class).single();
        assertThat(stored).hasSize(32).isEqualTo(PasswordResets.hash(token));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(token);

        assertThat(resets.usernameFor(token)).contains(username);
        assertThatThrownBy(() -> resets.reset(token, "short", "short")).isInstanceOf(InvalidInput.class);
        assertThat(resets.usernameFor(token)).as("a refused password leaves the token unused").contains(username);
        resets.reset(token, "new-password-0815", "new-password-0815");
        // ODK Collect's Digest must take the new password at once and the old one no more (before any web sign-in).
        assertThat(jdbc.sql("SELECT digest_ha1 FROM app_user WHERE username = ?").param(username).query(String.class).single())
                .isEqualTo(org.tonkla.identity.internal.DigestCredentials.ha1(username, "new-password-0815"));

        assertThat(new WebClientSession("http://localhost:" + port).login(username, "new-password-0815")).isEqualTo("/");
        assertThat(new WebClientSession("http://localhost:" + port).login(username, OLD_PASSWORD)).startsWith("/login?error");
        // Once only.
        assertThat(resets.usernameFor(token)).isEmpty();
        assertThatThrownBy(() -> resets.reset(token, "third-password-1", "third-password-1"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("token"));
        assertThat(new WebClientSession("http://localhost:" + port).get("/password-reset/" + token, "text/html").body())
                .contains("id=\"reset-invalid\"");
    }

    @Test
    void anExpiredLinkDoesNotWork() throws Exception {
        String address = "expired-" + UUID.randomUUID().toString().substring(0, 6) + "@example.go.th";
        String username = account(address);
        resets.request(address);   // by e-mail address this time
        String token = token(String.valueOf(mailTo(address).getContent()));
        assertThat(resets.usernameFor(token)).contains(username);
        jdbc.sql("""
                UPDATE password_reset SET created_at = now() - interval '2 hours', expires_at = now() - interval '90 minutes'
                WHERE token_hash = ?""").param(PasswordResets.hash(token)).update();

        assertThat(resets.usernameFor(token)).isEmpty();
        assertThatThrownBy(() -> resets.reset(token, "new-password-0815", "new-password-0815"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("token"));
        assertThat(new WebClientSession("http://localhost:" + port).login(username, OLD_PASSWORD)).isEqualTo("/");
    }

    @Test
    void anUnknownAccountIsAnsweredExactlyAsAKnownOne() {
        String username = account("known-" + UUID.randomUUID().toString().substring(0, 6) + "@example.go.th");
        var known = ask(new WebClientSession("http://localhost:" + port), username);
        var unknown = ask(new WebClientSession("http://localhost:" + port), "nobody-" + UUID.randomUUID());
        var noAddress = ask(new WebClientSession("http://localhost:" + port), "teacher.kk");

        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
        assertThat(noAddress.statusCode()).isEqualTo(known.statusCode());
        assertThat(known.body()).contains("id=\"reset-asked\"");
        // The pages differ only in their CSRF tokens.
        assertThat(withoutCsrf(unknown.body())).isEqualTo(withoutCsrf(known.body()));
        assertThat(withoutCsrf(noAddress.body())).isEqualTo(withoutCsrf(known.body()));
    }

    private static String withoutCsrf(String page) {
        return page.replaceAll("(name=\"_csrf\"[^>]*value=\")[^\"]+", "$1").replaceAll("(name=\"csrf-token\" content=\")[^\"]+", "$1");
    }
}
