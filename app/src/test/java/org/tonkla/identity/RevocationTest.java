package org.tonkla.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.demo.DemoUnits;

/**
 * Rights take effect at the next request: an administrator's change to an account reaches the sessions
 * and tokens already in use. Each test makes its own throw-away account, so the demo accounts that
 * other tests use are never touched.
 */
class RevocationTest extends IntegrationTest {

    private static final String PASSWORD = "a-long-password";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private final Accounts accounts;
    private final JdbcClient jdbc;

    @Autowired
    RevocationTest(Accounts accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    private static Accounts.AccountForm form(String username, Role role, String province, boolean enabled) {
        return new Accounts.AccountForm(username, "Revocation " + username, role, new Scope("DCY", OrgUnit.area(province)),
                null, enabled);
    }

    private static Accounts.AccountForm created(String username, Role role, String province) {
        return new Accounts.AccountForm(username, "Revocation " + username, role, new Scope("DCY", OrgUnit.area(province)),
                PASSWORD, true);
    }

    private static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aDisabledUserIsSignedOutAtTheNextRequest() {
        String name = unique("revoke.off");
        UUID id = accounts.create(created(name, Role.PROVINCIAL_OFFICER, "40"), false);
        var api = session();
        assertThat(api.login(name, PASSWORD)).isEqualTo("/");
        var pages = session();
        assertThat(pages.login(name, PASSWORD)).isEqualTo("/");
        assertThat(api.getJson("/api/v1/areas?parent=40").statusCode()).isEqualTo(200);
        assertThat(pages.get("/", "text/html").statusCode()).isEqualTo(200);

        accounts.update(id, form(name, Role.PROVINCIAL_OFFICER, "40", false));

        var refused = api.getJson("/api/v1/areas?parent=40");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        var page = pages.get("/", "text/html");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).isEqualTo("/login");
        // The session is gone, not just refused once: even re-enabling the account does not bring it back.
        accounts.update(id, form(name, Role.PROVINCIAL_OFFICER, "40", true));
        assertThat(api.getJson("/api/v1/areas?parent=40").statusCode()).isEqualTo(401);
    }

    @Test
    void aNarrowedScopeAppliesToTheNextRequestOfTheSameSession() {
        String name = unique("revoke.scope");
        UUID id = accounts.create(created(name, Role.PROVINCIAL_OFFICER, "40"), false);
        var s = session();
        assertThat(s.login(name, PASSWORD)).isEqualTo("/");
        assertThat(s.getJson("/api/v1/service-units/" + DemoUnits.KHON_KAEN_CENTER).statusCode()).isEqualTo(200);
        assertThat(s.getJson("/api/v1/service-units/" + DemoUnits.CHIANG_MAI_CENTER).statusCode()).isEqualTo(403);

        accounts.update(id, form(name, Role.PROVINCIAL_OFFICER, "50", true));

        assertThat(s.getJson("/api/v1/service-units/" + DemoUnits.KHON_KAEN_CENTER).statusCode()).isEqualTo(403);
        assertThat(s.getJson("/api/v1/service-units/" + DemoUnits.CHIANG_MAI_CENTER).statusCode()).isEqualTo(200);
        assertThat(s.get("/", "text/html").body()).contains("เชียงใหม่");
    }

    @Test
    void anAdministratorDemotedOnTheAdminPageLosesTheAdminPagesAtOnce() {
        String name = unique("revoke.admin");
        UUID id = accounts.create(new Accounts.AccountForm(name, "Revocation admin", Role.ADMINISTRATOR,
                new Scope(null, OrgUnit.country()), PASSWORD, true), false);
        var demoted = session();
        assertThat(demoted.login(name, PASSWORD)).isEqualTo("/");
        assertThat(demoted.get("/admin/users", "text/html").statusCode()).isEqualTo(200);

        var admin = session();
        assertThat(admin.login("admin", "tonkla-demo")).isEqualTo("/");
        var m = CSRF.matcher(admin.get("/admin/users/" + id, "text/html").body());
        assertThat(m.find()).isTrue();
        String body = "displayName=Demoted&role=CAREGIVER&agencyCode=&scopeLevel=PROVINCE&scopeCode=40&password=&enabled=true"
                + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        var saved = admin.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/users/" + id))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(saved.statusCode()).isEqualTo(302);

        assertThat(demoted.get("/admin/users", "text/html").statusCode()).isEqualTo(403);
        assertThat(demoted.get("/", "text/html").body()).contains("Demoted");
    }

    @Test
    void aTokenStopsWorkingWhenItsActingUserIsDisabled() {
        String name = unique("revoke.api");
        UUID id = accounts.create(created(name, Role.PROVINCIAL_OFFICER, "40"), false);
        String client = "client-" + name;
        accounts.createApiClient(client, "a-client-secret", name);
        var s = session();
        String basic = Base64.getEncoder().encodeToString((client + ":a-client-secret").getBytes(StandardCharsets.UTF_8));
        var tokenResponse = s.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        assertThat(tokenResponse.statusCode()).isEqualTo(200);
        var m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(tokenResponse.body());
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/service-units/"
                + DemoUnits.KHON_KAEN_CENTER)).header("Authorization", "Bearer " + token).GET().build();
        assertThat(new WebClientSession("http://localhost:" + port).send(request).statusCode()).isEqualTo(200);

        // Revoked (RFC 7009) by its client: refused at once, although its signature and time are still good.
        var revoked = s.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/revoke"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&token_type_hint=access_token")).build());
        assertThat(revoked.statusCode()).isEqualTo(200);
        var refused = new WebClientSession("http://localhost:" + port).send(request);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");

        // A new token works, until its acting user is disabled.
        var again = s.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        var m2 = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(again.body());
        assertThat(m2.find()).isTrue();
        var second = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/service-units/"
                + DemoUnits.KHON_KAEN_CENTER)).header("Authorization", "Bearer " + m2.group(1)).GET().build();
        assertThat(new WebClientSession("http://localhost:" + port).send(second).statusCode()).isEqualTo(200);

        accounts.update(id, form(name, Role.PROVINCIAL_OFFICER, "40", false));

        assertThat(new WebClientSession("http://localhost:" + port).send(second).statusCode()).isEqualTo(401);
        jdbc.sql("DELETE FROM login_delay WHERE subject LIKE 'client:client-revoke%'").update();
    }
}
