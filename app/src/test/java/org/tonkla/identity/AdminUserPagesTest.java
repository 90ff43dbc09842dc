package org.tonkla.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;

/** An administrator creates users with a role and a scope; bad input names the field and saves nothing. */
class AdminUserPagesTest extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private String post(WebClientSession admin, String form) {
        var m = CSRF.matcher(admin.get("/admin/users/new", "text/html").body());
        assertThat(m.find()).isTrue();
        var response = admin.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/users"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8)))
                .build());
        return response.statusCode() == 302 ? "redirect" : response.body();
    }

    @Test
    void createsAScopedUserWhoCanLogIn() {
        var admin = session();
        admin.login("admin", "tonkla-demo");
        String result = post(admin, "username=survey.np&displayName=Survey+Nam+Phong&role=SURVEYOR&agencyCode=ONIE"
                + "&scopeLevel=DISTRICT&scopeCode=4007&password=a-long-password&enabled=true");
        assertThat(result).isEqualTo("redirect");
        var surveyor = session();
        assertThat(surveyor.login("survey.np", "a-long-password")).isEqualTo("/");
        assertThat(surveyor.get("/", "text/html").body()).contains("ผู้สำรวจข้อมูลภาคสนาม").contains("น้ำพอง");
    }

    @Test
    void anUntickedActiveBoxMakesADisabledAccount() {
        var admin = session();
        admin.login("admin", "tonkla-demo");
        assertThat(post(admin, "username=off.user&displayName=Off&role=CAREGIVER&scopeLevel=PROVINCE&scopeCode=40"
                + "&password=a-long-password")).isEqualTo("redirect");
        assertThat(session().login("off.user", "a-long-password")).isEqualTo("/login?error");
    }

    @Test
    void aScopeCodeOfTheWrongLevelIsRefusedWithAThaiMessage() {
        var admin = session();
        admin.login("admin", "tonkla-demo");
        String page = post(admin, "username=bad.scope&displayName=Bad&role=SURVEYOR&scopeLevel=DISTRICT&scopeCode=40"
                + "&password=a-long-password&enabled=true");
        assertThat(page).contains("รหัสขอบเขตไม่ถูกต้อง");
        assertThat(admin.get("/admin/users?q=bad.scope", "text/html").body()).doesNotContain("bad.scope</a>");
    }

    @Test
    void aShortPasswordIsRefused() {
        var admin = session();
        admin.login("admin", "tonkla-demo");
        assertThat(post(admin, "username=short.pw&displayName=S&role=SURVEYOR&scopeLevel=COUNTRY&scopeCode="
                + "&password=short&enabled=true")).contains("อย่างน้อย 10 ตัวอักษร");
    }
}
