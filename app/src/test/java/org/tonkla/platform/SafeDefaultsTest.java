package org.tonkla.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;

/**
 * Safe by default: anonymous requests leave no session behind, no redirect echoes the Host header,
 * every answer carries the browser policies, metrics and API documentation need a login, and errors
 * that Tomcat or a filter produce still answer problem+json on the API.
 */
class SafeDefaultsTest extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private final JdbcClient jdbc;

    @Autowired
    SafeDefaultsTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private long sessionsSince(long millis) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE creation_time >= ?").param(millis)
                .query(Long.class).single();
    }

    @Test
    void anonymousRequestsCreateNoSessionRowsAndOnlyTheLoginDoes() {
        long start = System.currentTimeMillis() - 1;
        var s = session();
        assertThat(s.get("/login", "text/html").statusCode()).isEqualTo(200);
        assertThat(s.get("/css/tonkla.css", "text/css").statusCode()).isEqualTo(200);
        assertThat(s.getJson("/api/v1/areas?parent=40").statusCode()).isEqualTo(401);
        assertThat(s.get("/?lang=en", "text/html").statusCode()).isEqualTo(302);
        assertThat(s.get("/login?error", "text/html").statusCode()).isEqualTo(200);
        assertThat(s.get("/children", "text/html").statusCode()).isEqualTo(302);
        assertThat(sessionsSince(start)).isZero();

        // The CSRF token of the login form lives in a cookie; the session is made by the login itself.
        assertThat(s.login("officer.khonkaen", "tonkla-demo")).isEqualTo("/children");
        assertThat(sessionsSince(start)).isEqualTo(1);
        assertThat(s.get("/children", "text/html").statusCode()).isEqualTo(200);
    }

    @Test
    void noRedirectEchoesAForgedHostHeader() {
        var entry = raw("GET /children HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n\r\n");
        assertThat(entry.status).isEqualTo(302);
        assertThat(entry.header("Location")).isEqualTo("/login");
        String savedPage = entry.cookie("REDIRECT_URI");

        var loginPage = raw("GET /login HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n\r\n");
        String csrfCookie = loginPage.cookie("XSRF-TOKEN");
        var m = CSRF.matcher(loginPage.body);
        assertThat(m.find()).isTrue();
        String csrf = URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        String cookies = "XSRF-TOKEN=" + csrfCookie + (savedPage == null ? "" : "; REDIRECT_URI=" + savedPage);

        var wrong = post("/login", cookies, "username=officer.khonkaen&password=wrong&_csrf=" + csrf);
        assertThat(wrong.header("Location")).isEqualTo("/login?error");
        var right = post("/login", cookies, "username=officer.khonkaen&password=tonkla-demo&_csrf=" + csrf);
        assertThat(right.status).isEqualTo(302);
        assertThat(right.header("Location")).isIn("/children", "/");
        String session = right.cookie("SESSION");
        assertThat(session).isNotNull();

        var home = raw("GET / HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\nCookie: SESSION=" + session + "\r\n\r\n");
        var meta = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(home.body);
        assertThat(meta.find()).isTrue();
        String newCsrfCookie = home.cookie("XSRF-TOKEN");
        var logout = post("/logout", "SESSION=" + session + "; XSRF-TOKEN=" + newCsrfCookie,
                "_csrf=" + URLEncoder.encode(meta.group(1), StandardCharsets.UTF_8));
        assertThat(logout.header("Location")).isEqualTo("/login?logout");

        for (var response : List.of(entry, loginPage, wrong, right, home, logout)) {
            assertThat(response.head).doesNotContain("evil.example");
        }
        jdbc.sql("DELETE FROM login_delay WHERE subject LIKE 'addr:%'").update();
    }

    @Test
    void tokensNameTheConfiguredIssuerNotTheHostHeader() {
        String basic = Base64.getEncoder().encodeToString("demo-client:tonkla-demo-secret".getBytes(StandardCharsets.UTF_8));
        var token = raw("POST /oauth2/token HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Basic " + basic
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 29\r\n\r\ngrant_type=client_credentials");
        assertThat(token.status).isEqualTo(200);
        var m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(token.body);
        assertThat(m.find()).isTrue();
        String claims = new String(Base64.getUrlDecoder().decode(m.group(1).split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).doesNotContain("evil.example").contains("localhost");
    }

    @Test
    void everyAnswerCarriesReferrerAndPermissionsPolicies() {
        var s = session();
        for (var response : List.of(s.get("/login", "text/html"), s.getJson("/api/v1/areas"))) {
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(response.headers().firstValue("Permissions-Policy").orElse(""))
                    .contains("camera=()").contains("geolocation=(self)");
            // Plain http: no HSTS (it comes with an https TONKLA_PUBLIC_URL).
            assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
        String cookie = raw("GET /login HTTP/1.1\r\nHost: localhost\r\n\r\n").header("Set-Cookie");
        assertThat(cookie).contains("XSRF-TOKEN").contains("HttpOnly").doesNotContain("Secure");
    }

    @Test
    void metricsAndApiDocumentationNeedALogin() {
        var anonymous = session();
        assertThat(anonymous.getJson("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(anonymous.getJson("/v3/api-docs").statusCode()).isEqualTo(302);
        assertThat(anonymous.get("/swagger-ui/index.html", "text/html").statusCode()).isEqualTo(302);
        // Prometheus on this machine may scrape; through a proxy (or from elsewhere) only an administrator.
        assertThat(anonymous.get("/actuator/prometheus", "text/plain").statusCode()).isEqualTo(200);
        var proxied = anonymous.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("X-Forwarded-For", "203.0.113.7").GET().build());
        assertThat(proxied.statusCode()).isEqualTo(302);

        var teacher = session();
        teacher.login("teacher.kk", "tonkla-demo");
        assertThat(teacher.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("X-Forwarded-For", "203.0.113.7").GET().build()).statusCode()).isEqualTo(403);
        var admin = session();
        admin.login("admin", "tonkla-demo");
        assertThat(admin.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("X-Forwarded-For", "203.0.113.7").GET().build()).statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenApiDescriptionDocumentsProblemsNullableFieldsAndSecurity() {
        var s = session();
        s.login("officer.khonkaen", "tonkla-demo");
        var docs = s.getJson("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        String json = docs.body();
        assertThat(json).contains("\"securitySchemes\"").contains("\"bearer\"").contains("\"bearerFormat\":\"JWT\"")
                .contains("\"clientCredentials\"").contains("/oauth2/token").contains("\"SESSION\"");
        assertThat(json).contains("application/problem+json").contains("\"Problem\"")
                .contains("\"401\"").contains("\"403\"").contains("\"404\"");
        assertThat(json).contains("\"null\"");
        assertThat(json).contains("\"enum\"");
        assertThat(json).doesNotContain("evil.example");
    }

    @Test
    void anOversizeUploadToTheApiIsA413Problem() {
        String basic = Base64.getEncoder().encodeToString("demo-client:tonkla-demo-secret".getBytes(StandardCharsets.UTF_8));
        var token = raw("POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + basic
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 29\r\n\r\ngrant_type=client_credentials");
        var m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(token.body);
        assertThat(m.find()).isTrue();
        // Announced as 200 MB; Tomcat refuses it from the Content-Length before reading the body.
        var response = raw("POST /api/v1/children HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + m.group(1)
                + "\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 200000000\r\n\r\n"
                + "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n\r\n0123456789");
        assertThat(response.status).isEqualTo(413);
        assertThat(response.header("Content-Type")).as(response.head + "\n\n" + response.body).startsWith("application/problem+json");
        assertThat(response.body).contains("\"status\":413");
    }

    @Test
    void aMalformedApiRequestIsAProblemNotTomcatsPage() {
        var response = raw("GET /api/v1/areas/%zz HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n");
        assertThat(response.status).isEqualTo(400);
        assertThat(response.body).doesNotContain("Apache Tomcat");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    private Raw post(String path, String cookies, String body) {
        return raw("POST " + path + " HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\nCookie: " + cookies
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
    }

    /** One HTTP/1.1 exchange over a plain socket: the JDK's client does not let a test set the Host header. */
    private Raw raw(String request) {
        if (!request.contains("Connection:")) request = request.replaceFirst("\r\n", "\r\nConnection: close\r\n");
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            var bytes = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            try {
                while ((n = in.read(buffer)) > 0) bytes.write(buffer, 0, n);
            } catch (java.net.SocketException | java.net.SocketTimeoutException e) {
                // Tomcat answers a request whose body it will not read, then waits for (or drops) that body.
                if (bytes.size() == 0) throw e;
            }
            String text = bytes.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            return new Raw(text.substring(0, split), text.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Raw {
        final String head;
        final String body;
        final int status;

        Raw(String head, String body) {
            this.head = head;
            this.body = body;
            this.status = Integer.parseInt(head.split(" ")[1]);
        }

        String header(String name) {
            return head.lines().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(l -> l.substring(name.length() + 1).trim()).findFirst().orElse(null);
        }

        String cookie(String name) {
            List<String> values = new ArrayList<>();
            head.lines().filter(l -> l.regionMatches(true, 0, "Set-Cookie:", 0, 11))
                    .map(l -> l.substring(11).trim()).filter(c -> c.startsWith(name + "="))
                    .forEach(c -> values.add(c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))));
            return values.stream().filter(v -> !v.isEmpty()).reduce((a, b) -> b).orElse(null);
        }
    }
}
