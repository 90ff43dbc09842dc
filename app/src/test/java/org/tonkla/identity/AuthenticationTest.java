package org.tonkla.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.demo.DemoUnits;

/** Form login with its progressive delay, the client-credentials token flow, CSRF and the admin boundary. */
class AuthenticationTest extends IntegrationTest {

    private final JdbcClient jdbc;

    @Autowired
    AuthenticationTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void everyDemoLoginWorksThroughTheForm() {
        for (String user : new String[] {"admin", "officer.khonkaen", "officer.chiangmai", "teacher.kk", "health.kk"}) {
            assertThat(session().login(user, "tonkla-demo")).as(user).isEqualTo("/");
        }
    }

    @Test
    void passwordsAreStoredAsArgon2Hashes() {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'admin'").query(String.class).single();
        assertThat(hash).startsWith("$argon2id$").doesNotContain("tonkla-demo");
    }

    @Test
    void wrongAttemptsDelayTheAccountButTheRightPasswordWorksOnceTheDelayHasPassed() {
        jdbc.sql("INSERT INTO app_user (id, username, password_hash, display_name, role, scope_level) "
                + "SELECT gen_random_uuid(), 'delaytest', password_hash, 'Delay test', 'CAREGIVER', 'COUNTRY' "
                + "FROM app_user WHERE username = 'admin' ON CONFLICT DO NOTHING").update();
        try {
            var attacker = session();
            // The first failures are answered normally: a few typos cost nothing.
            for (int i = 0; i < 5; i++) {
                assertThat(attacker.login("delaytest", "wrong-password")).isEqualTo("/login?error");
            }
            // The attacker carried on (from elsewhere); its next failure delays the account by 2^4 s.
            jdbc.sql("UPDATE login_delay SET failures = failures + 3, next_allowed = NULL WHERE subject = 'user:delaytest'")
                    .update();
            assertThat(attacker.login("delaytest", "wrong-again")).isEqualTo("/login?error");
            // While delayed even the right password is not checked: "try again in X s".
            var victim = session();
            String delayed = victim.login("delaytest", "tonkla-demo");
            assertThat(delayed).matches("/login\\?delayed=(1[0-6]|[1-9])");
            assertThat(victim.get(delayed, "text/html").body()).contains("กรุณาลองใหม่อีกครั้งใน");
            // Once the delay has passed, the right password works and the failures are forgotten.
            jdbc.sql("UPDATE login_delay SET next_allowed = now() - interval '1 second' WHERE subject = 'user:delaytest'")
                    .update();
            assertThat(victim.login("delaytest", "tonkla-demo")).isEqualTo("/");
            assertThat(jdbc.sql("SELECT count(*) FROM login_delay WHERE subject = 'user:delaytest'").query(Long.class)
                    .single()).isZero();
        } finally {
            forgetFailures();
        }
    }

    @Test
    void anAddressWithManyFailuresIsDelayedWhateverTheAccount() {
        try {
            for (String address : new String[] {"127.0.0.1", "0:0:0:0:0:0:0:1"}) {
                jdbc.sql("INSERT INTO login_delay (subject, failures, last_failure, next_allowed) "
                        + "VALUES (?, 60, now(), now() + interval '5 minutes') ON CONFLICT (subject) DO UPDATE "
                        + "SET next_allowed = now() + interval '5 minutes'").param("addr:" + address).update();
            }
            assertThat(session().login("officer.chiangmai", "tonkla-demo")).startsWith("/login?delayed=");
        } finally {
            forgetFailures();
        }
        assertThat(session().login("officer.chiangmai", "tonkla-demo")).isEqualTo("/");
    }

    @Test
    void afterAFailedLoginTheUsernameTypedIsShownAgainOnceButNeverInTheAddress() {
        var s = session();
        try {
            String to = s.login("officer.chiangmai", "not-the-password");
            assertThat(to).isEqualTo("/login?error");
            // Kept in a cookie for the login page alone, out of reach of scripts.
            var kept = s.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals("tonkla-login-name")).toList();
            assertThat(kept).singleElement().satisfies(c -> {
                assertThat(c.getPath()).isEqualTo("/login");
                assertThat(c.isHttpOnly()).isTrue();
                assertThat(c.getMaxAge()).isBetween(1L, 300L);
            });
            String page = s.get(to, "text/html").body();
            assertThat(page).contains("value=\"officer.chiangmai\"");
            // Only the password is to be typed again.
            assertThat(page).containsPattern("<input id=\"password\"[^>]* autofocus");
            // Shown once: the next person at this device, even on the same address, finds the field empty.
            assertThat(s.get(to, "text/html").body()).doesNotContain("officer.chiangmai");

            // Any username comes back as typed (no URL decoding of + or %).
            assertThat(s.login("no+such%41user", "x")).isEqualTo("/login?error");
            assertThat(s.get("/login?error", "text/html").body()).contains("value=\"no+such%41user\"");
            // A successful login forgets what a failed one typed.
            assertThat(s.login("officer.chiangmai", "not-the-password")).isEqualTo("/login?error");
            forgetFailures();
            assertThat(s.login("officer.chiangmai", "tonkla-demo")).isEqualTo("/");
            assertThat(s.cookies().getCookieStore().getCookies()).noneMatch(c -> c.getName().equals("tonkla-login-name"));
        } finally {
            forgetFailures();
            jdbc.sql("DELETE FROM login_delay WHERE subject IN ('user:officer.chiangmai', 'user:no+such%41user')").update();
        }
    }

    @Test
    void anUnknownUsernameIsAnsweredExactlyLikeAWrongPassword() {
        var unknown = session();
        var wrong = session();
        try {
            String toUnknown = unknown.login("nobody.at.all", "some-password");
            String toWrong = wrong.login("officer.chiangmai", "some-password");
            assertThat(toUnknown).isEqualTo(toWrong).isEqualTo("/login?error");
            String unknownPage = unknown.get(toUnknown, "text/html").body().replaceAll("(value|content)=\"[^\"]+\"", "");
            String wrongPage = wrong.get(toWrong, "text/html").body().replaceAll("(value|content)=\"[^\"]+\"", "");
            assertThat(unknownPage).isEqualTo(wrongPage).contains("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง");
        } finally {
            forgetFailures();
            jdbc.sql("DELETE FROM login_delay WHERE subject IN ('user:nobody.at.all', 'user:officer.chiangmai')").update();
        }
    }

    @Test
    void theTokenEndpointDelaysAClientAfterWrongSecrets() {
        var s = session();
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(token(s, "demo-client", "not-the-secret").statusCode()).isEqualTo(401);
            }
            jdbc.sql("UPDATE login_delay SET failures = failures + 3, next_allowed = NULL WHERE subject = 'client:demo-client'")
                    .update();
            assertThat(token(s, "demo-client", "still-not-the-secret").statusCode()).isEqualTo(401);
            var delayed = token(s, "demo-client", "tonkla-demo-secret");
            assertThat(delayed.statusCode()).isEqualTo(429);
            assertThat(delayed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(delayed.headers().firstValue("Retry-After")).isPresent();
            jdbc.sql("UPDATE login_delay SET next_allowed = now() - interval '1 second' WHERE subject = 'client:demo-client'")
                    .update();
            assertThat(token(s, "demo-client", "tonkla-demo-secret").statusCode()).isEqualTo(200);
        } finally {
            forgetFailures();
            jdbc.sql("DELETE FROM login_delay WHERE subject = 'client:demo-client'").update();
        }
    }

    private java.net.http.HttpResponse<String> token(WebClientSession s, String client, String secret) {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return s.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
    }

    /** Every test logs in from this machine: its address must not stay delayed for the tests after it. */
    private void forgetFailures() {
        jdbc.sql("DELETE FROM login_delay WHERE subject LIKE 'addr:%'").update();
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() {
        var s = session();
        var response = s.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=tonkla-demo")).build());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void machineClientsGetTokensThatCarryTheirUsersScope() {
        var s = session();
        String basic = Base64.getEncoder().encodeToString("demo-client:tonkla-demo-secret".getBytes(StandardCharsets.UTF_8));
        var tokenResponse = s.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        assertThat(tokenResponse.statusCode()).isEqualTo(200);
        var m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(tokenResponse.body());
        assertThat(m.find()).isTrue();
        String token = m.group(1);

        // The demo client acts as officer.khonkaen: Khon Kaen yes, Chiang Mai no.
        var fresh = new WebClientSession("http://localhost:" + port);
        var kk = fresh.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/service-units/"
                + DemoUnits.KHON_KAEN_CENTER)).header("Authorization", "Bearer " + token).GET().build());
        assertThat(kk.statusCode()).isEqualTo(200);
        var cm = fresh.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/service-units/"
                + DemoUnits.CHIANG_MAI_CENTER)).header("Authorization", "Bearer " + token).GET().build());
        assertThat(cm.statusCode()).isEqualTo(403);
        var forged = fresh.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/areas"))
                .header("Authorization", "Bearer " + token.substring(0, token.length() - 4) + "AAAA").GET().build());
        assertThat(forged.statusCode()).isEqualTo(401);
        // RFC 6750: a refused token is said to be one, unlike a request that sent none.
        assertThat(forged.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        var none = fresh.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/areas")).GET().build());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void wrongClientSecretGetsNoToken() {
        String basic = Base64.getEncoder().encodeToString("demo-client:guess".getBytes(StandardCharsets.UTF_8));
        var response = session().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void onlyAdministratorsReachTheAdministrationPages() {
        var teacher = session();
        teacher.login("teacher.kk", "tonkla-demo");
        assertThat(teacher.get("/admin/users", "text/html").statusCode()).isEqualTo(403);
        var admin = session();
        admin.login("admin", "tonkla-demo");
        var page = admin.get("/admin/users", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("officer.chiangmai").contains("เจ้าหน้าที่ระดับจังหวัด");
        assertThat(admin.get("/admin/audit", "text/html").body()).contains("LOGIN");
    }

    @Test
    void homePageIsThaiAndEnglishIsOneClickAwayAndRemembered() {
        var s = session();
        s.login("health.kk", "tonkla-demo");
        String home = s.get("/", "text/html").body();
        assertThat(home).contains("lang=\"th\"").contains("สวัสดี").contains("เจ้าหน้าที่สาธารณสุข");
        String english = s.get("/?lang=en", "text/html").body();
        assertThat(english).contains("lang=\"en\"").contains("Health worker");
        assertThat(jdbc.sql("SELECT locale FROM app_user WHERE username = 'health.kk'").query(String.class).single())
                .isEqualTo("en");
        // A new device: the login brings back the user's language.
        var other = session();
        other.login("health.kk", "tonkla-demo");
        assertThat(other.get("/", "text/html").body()).contains("Health worker");
        s.get("/?lang=th", "text/html");
    }
}
