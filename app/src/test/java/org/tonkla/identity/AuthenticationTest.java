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

/** Form login with throttling, the client-credentials token flow, CSRF and the admin boundary. */
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
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        jdbc.sql("INSERT INTO app_user (id, username, password_hash, display_name, role, scope_level) "
                + "SELECT gen_random_uuid(), 'locktest', password_hash, 'Lock test', 'CAREGIVER', 'COUNTRY' "
                + "FROM app_user WHERE username = 'admin' ON CONFLICT DO NOTHING").update();
        var s = session();
        for (int i = 0; i < 5; i++) {
            assertThat(s.login("locktest", "wrong-password")).isEqualTo("/login?error");
        }
        assertThat(s.login("locktest", "tonkla-demo")).isEqualTo("/login?locked");
        assertThat(s.get("/login?locked", "text/html").body()).contains("ถูกระงับชั่วคราว");
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
