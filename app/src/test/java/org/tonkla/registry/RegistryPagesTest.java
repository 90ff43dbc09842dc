package org.tonkla.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.core.thai.NationalId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guardians, corrections and registration from the pages: who may write, what is kept, and what a
 * wrong entry says.
 */
class RegistryPagesTest extends IntegrationTest {

    private static final String MALI = "0192f0a0-0000-7000-8000-0000000000c1";
    private static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    private WebClientSession as(String username) {
        var s = session();
        assertThat(s.login(username, "tonkla-demo")).isEqualTo("/");
        return s;
    }

    private HttpResponse<String> postForm(WebClientSession s, String path, String... pairs) {
        var body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (body.length() > 0) body.append('&');
            body.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        String page = s.get("/", "text/html").body();
        var m = java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return s.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-TOKEN", m.group(1))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private String registerNew(WebClientSession teacher, String given) {
        String first12 = "1409" + String.format("%08d", 80_000_000 + Math.abs(given.hashCode() % 1_000_000));
        var r = teacher.postJson("/api/v1/children", """
                {"givenNameTh":"%s","familyNameTh":"ทะเบียน","sex":"M","dateOfBirth":"%s","nationalId":"%s"}"""
                .formatted(given, today().minusYears(2), first12 + NationalId.checkDigit(first12)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("id").asString();
    }

    @Test
    void officersAndFamiliesReadButDoNotWrite() {
        String measurement = "{\"measuredOn\":\"" + today() + "\",\"weightKg\":13}";
        assertThat(as("officer.khonkaen").postJson("/api/v1/children/" + MALI + "/measurements", measurement).statusCode())
                .isEqualTo(403);
        assertThat(as("guardian.kk").postJson("/api/v1/children/" + MALI + "/measurements", measurement).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aGuardianAddedByTheTeacherIsOnTheRecord() {
        var teacher = as("teacher.kk");
        String id = registerNew(teacher, "ผู้ปกครอง");
        var saved = postForm(teacher, "/children/" + id + "/guardians", "givenNameTh", "สมศรี", "familyNameTh", "ทะเบียน",
                "relationship", "ยาย", "phone", "081-000-0000");
        assertThat(saved.statusCode()).isEqualTo(302);
        var book = json.readTree(teacher.getJson("/api/v1/children/" + id).body());
        assertThat(book.get("guardians").toString()).contains("สมศรี").contains("ยาย");

        // Without a relationship nothing is added and the page says what is missing.
        postForm(teacher, "/children/" + id + "/guardians", "givenNameTh", "ใคร", "familyNameTh", "ไม่รู้", "relationship", "");
        assertThat(json.readTree(teacher.getJson("/api/v1/children/" + id).body()).get("guardians")).hasSize(1);
    }

    @Test
    void aCorrectedNameKeepsTheEarlierOneWithWhoAndWhy() {
        var teacher = as("teacher.kk");
        String id = registerNew(teacher, "สมชาญ");
        assertThat(postForm(teacher, "/children/" + id + "/corrections", "field", "givenNameTh", "newValue", "สมชาย",
                "reason", "").statusCode()).isEqualTo(302);
        assertThat(json.readTree(teacher.getJson("/api/v1/children/" + id).body()).get("child").get("givenNameTh").asString())
                .as("no reason, no correction").isEqualTo("สมชาญ");

        postForm(teacher, "/children/" + id + "/corrections", "field", "givenNameTh", "newValue", "สมชาย",
                "reason", "ตามสูติบัตร");
        assertThat(json.readTree(teacher.getJson("/api/v1/children/" + id).body()).get("child").get("givenNameTh").asString())
                .isEqualTo("สมชาย");
        var history = jdbc.sql("SELECT old_value || '>' || new_value || ':' || reason || ':' || corrected_by FROM child_correction WHERE child_id = ?")
                .param(UUID.fromString(id)).query(String.class).list();
        assertThat(history).containsExactly("สมชาญ>สมชาย:ตามสูติบัตร:teacher.kk");
        String page = teacher.get("/children/" + id, "text/html").body();
        assertThat(page).contains("ประวัติการแก้ไขข้อมูล").contains("สมชาญ");
    }

    @Test
    void aChildsPhotoIsKeptWithoutItsLocationAndShownOnThePage() throws Exception {
        var teacher = as("teacher.kk");
        String id = registerNew(teacher, "มีรูป");
        byte[] photo = org.tonkla.TestImages.jpegWithGps();
        String boundary = "tonkla-test-boundary";
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"child.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(photo);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var m = java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"")
                .matcher(teacher.get("/", "text/html").body());
        assertThat(m.find()).isTrue();
        var saved = teacher.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/children/" + id + "/photo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-CSRF-TOKEN", m.group(1))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertThat(saved.statusCode()).isEqualTo(302);

        String page = teacher.get("/children/" + id, "text/html").body();
        var img = java.util.regex.Pattern.compile("id=\"child-photo\"[^>]*|src=\"data:image/jpeg;base64,([^\"]+)\"").matcher(page);
        String base64 = null;
        while (img.find()) if (img.group(1) != null) base64 = img.group(1);
        assertThat(base64).as("the page shows the photo").isNotNull();
        String stored = new String(java.util.Base64.getDecoder().decode(base64), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain("Exif").doesNotContain("GPS");

        var notAPhoto = postForm(teacher, "/children/" + id + "/guardians"); // a form without a file is no photo
        assertThat(notAPhoto.statusCode()).isNotEqualTo(500);
    }

    @Test
    void anUnknownSubdistrictIsNamed() {
        var r = as("teacher.kk").postJson("/api/v1/children", """
                {"givenNameTh":"ที่อยู่","familyNameTh":"ผิด","sex":"F","dateOfBirth":"%s","noIdentifierReason":"ยังไม่แจ้งเกิด",
                 "subdistrictCode":"999999","confirmedNew":true}""".formatted(today().minusYears(1)));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"subdistrictCode\"").contains("DOPA");
    }
}
