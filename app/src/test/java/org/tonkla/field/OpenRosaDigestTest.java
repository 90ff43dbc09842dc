package org.tonkla.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;

/**
 * HTTP Digest for ODK Collect over plain http (issue 11 §3; RFC 2617 with qop=auth, as ODK Collect answers a Digest
 * challenge): the response is computed here from the password, as a client does, and the server checks it against the
 * HA1 it keeps per account. A wrong password, a disabled account and an account without HA1 yet are refused.
 */
class OpenRosaDigestTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSurveyorAnswersTheDigestChallengeAndSubmits() throws Exception {
        assertThat(digest("HEAD", "surveyor.kk", "tonkla-demo", null).statusCode()).isEqualTo(204);
        String id = "uuid:" + UUID.randomUUID();
        var post = digest("POST", "surveyor.kk", "tonkla-demo", OpenRosaBadInputTest.valid(id));
        assertThat(post.statusCode()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM field_submission WHERE instance_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        var r = digest("HEAD", "surveyor.kk", "not-the-password", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate")).anySatisfy(h -> assertThat(h).startsWith("Digest"));
    }

    @Test
    void aDisabledAccountIsRefused() throws Exception {
        String name = "surveyor.digest" + UUID.randomUUID().toString().substring(0, 6);
        var scope = new Scope("DLA", OrgUnit.area("4007"));
        UUID id = accounts.create(new Accounts.AccountForm(name, "ผู้สำรวจทดสอบ", Role.SURVEYOR, scope, "tonkla-demo", true), true);
        assertThat(digest("HEAD", name, "tonkla-demo", null).statusCode()).isEqualTo(204);
        accounts.update(id, new Accounts.AccountForm(name, "ผู้สำรวจทดสอบ", Role.SURVEYOR, scope, null, false));
        assertThat(digest("HEAD", name, "tonkla-demo", null).statusCode()).isEqualTo(401);
    }

    @Test
    void anAccountWithoutDigestCredentialsYetUsesBasicOnly() throws Exception {
        String name = "surveyor.basic" + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(new Accounts.AccountForm(name, "ผู้สำรวจทดสอบ", Role.SURVEYOR, new Scope("DLA", OrgUnit.area("4007")),
                "tonkla-demo", true), true);
        jdbc.sql("UPDATE app_user SET digest_ha1 = NULL WHERE username = ?").param(name).update(); // as before Digest came
        assertThat(digest("HEAD", name, "tonkla-demo", null).statusCode()).isEqualTo(401);
        assertThat(new OpenRosaClient("http://localhost:" + port, name, "tonkla-demo").head("/openrosa/submission").statusCode())
                .isEqualTo(204);
        // The Basic sign-in knew the password: Digest works from now on.
        assertThat(digest("HEAD", name, "tonkla-demo", null).statusCode()).isEqualTo(204);
    }

    @Test
    void failedDigestAttemptsDelayTheAccountAsFailedPasswordsDo() throws Exception {
        String name = "surveyor.guess" + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(new Accounts.AccountForm(name, "ผู้สำรวจทดสอบ", Role.SURVEYOR, new Scope("DLA", OrgUnit.area("4007")),
                "tonkla-demo", true), true);
        // A decoy parameter before the real one must not move the count to another name.
        for (int i = 0; i < 5; i++) assertThat(digest("HEAD", name, "guess-" + i, null, "xusername=\"decoy." + i + "\", ")
                .statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT failures FROM login_delay WHERE subject = ?").param("user:" + name).query(Integer.class)
                .single()).isEqualTo(5);
        // Delayed now: even the right password is not checked, and the answer says when to try again.
        var delayed = digest("HEAD", name, "tonkla-demo", null);
        assertThat(delayed.statusCode()).isEqualTo(401);
        assertThat(delayed.headers().firstValue("Retry-After")).isPresent();
        // The delay past, the right password works again (the owner is slowed down, never locked out).
        jdbc.sql("UPDATE login_delay SET next_allowed = now() - interval '1 second' WHERE subject = ?").param("user:" + name)
                .update();
        assertThat(digest("HEAD", name, "tonkla-demo", null).statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT count(*) FROM login_delay WHERE subject = ?").param("user:" + name).query(Long.class)
                .single()).as("failures forgotten after a Digest sign-in").isZero();
    }

    /** One request answered to a fresh Digest challenge: first unauthenticated (401 with the nonce), then with the response. */
    private HttpResponse<String> digest(String method, String user, String password, byte[] xml) throws Exception {
        return digest(method, user, password, xml, "");
    }

    private HttpResponse<String> digest(String method, String user, String password, byte[] xml, String before)
            throws Exception {
        String uri = "/openrosa/submission";
        var challenge = http.send(request(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(challenge.statusCode()).isEqualTo(401);
        String header = challenge.headers().allValues("WWW-Authenticate").stream().filter(h -> h.startsWith("Digest"))
                .findFirst().orElseThrow();
        String realm = param(header, "realm");
        String nonce = param(header, "nonce");
        assertThat(param(header, "qop")).isEqualTo("auth");
        String cnonce = UUID.randomUUID().toString().replace("-", "");
        String nc = "00000001";
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        String response = md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        String authorization = "Digest " + before + "username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\", response=\"" + response + "\", algorithm=MD5";
        var b = request(uri).header("Authorization", authorization);
        if (xml == null) return http.send(b.method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String boundary = "----digest" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"xml_submission_file\"; filename=\"s.xml\"\r\n"
                + "Content-Type: text/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(xml);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String uri) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + uri)).header("X-OpenRosa-Version", "1.0");
    }

    private static String param(String header, String name) {
        Matcher m = Pattern.compile(name + "=\"?([^\",]+)\"?").matcher(header);
        assertThat(m.find()).as(name + " in " + header).isTrue();
        return m.group(1);
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
