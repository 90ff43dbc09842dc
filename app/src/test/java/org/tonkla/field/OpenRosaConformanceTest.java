package org.tonkla.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.TestImages;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.FileStore;
import org.tonkla.recordbook.Need;
import org.tonkla.recordbook.RecordBook;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.ChildrenByNationalId;

/**
 * Issue 11 §8: ODK Collect's form engine (JavaRosa) parses the form Tonkla serves, fills it, serialises the instance,
 * and the test submits it as ODK Collect does (HEAD, then a multipart POST with two JPEGs). The child appears in the
 * registry and the record book with the measurement scored, the photos are stored without EXIF, and the screening's
 * needs (income per member from the household members) are on the child's page.
 */
class OpenRosaConformanceTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired ChildrenByNationalId byNationalId;
    @Autowired RecordBook recordBook;
    @Autowired Accounts accounts;
    @Autowired FileStore files;

    OpenRosaClient surveyor() {
        return new OpenRosaClient("http://localhost:" + port, "surveyor.kk", "tonkla-demo");
    }

    @Test
    void odkCollectListsDownloadsFillsAndSubmitsTheHomeVisit() throws Exception {
        var client = surveyor();
        var list = client.get("/openrosa/formList");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("X-OpenRosa-Version")).contains("1.0");
        assertThat(list.body()).contains("<xforms xmlns=\"http://openrosa.org/xforms/xformsList\">",
                "<formID>tonkla_home_visit</formID>", "<version>2026113001</version>", "<manifestUrl>");
        // The newest version only, for the demo campaign too: an older one stays accepted, not offered.
        assertThat(list.body()).doesNotContain("<version>2026112901</version>", "<version>2026112801</version>");
        String downloadUrl = between(list.body(), "<downloadUrl>", "</downloadUrl>");
        byte[] xform = client.getBytes(downloadUrl).body();
        // The hash in the list is the MD5 of the bytes served, and the bytes are the file in the repository.
        assertThat(between(list.body(), "<hash>", "</hash>"))
                .isEqualTo("md5:" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(xform)));
        assertThat(xform).isEqualTo(getClass().getClassLoader().getResourceAsStream("field/forms/home_visit_v3.xml").readAllBytes());
        assertThat(client.get(between(list.body(), "<manifestUrl>", "</manifestUrl>")).body())
                .contains("http://openrosa.org/xforms/xformsManifest");

        String nationalId = OpenRosaClient.nationalId();
        String badId = nationalId.substring(0, 12) + ((nationalId.charAt(12) - '0' + 1) % 10);
        // The form's own checksum constraint refuses a wrong check digit, as Collect would on the phone.
        var wrong = visit(xform, badId, "ฝนทิพย์", today().minusYears(3));
        wrong.fill();
        assertThat(wrong.refused).contains("/data/child/national_id: " + org.javarosa.form.api.FormEntryController.ANSWER_CONSTRAINT_VIOLATED);

        var filler = visit(xform, nationalId, "ฝนทิพย์", today().minusYears(3));
        byte[] instance = filler.fill();
        assertThat(filler.refused).isEmpty();
        String xml = new String(instance, StandardCharsets.UTF_8);
        assertThat(xml).contains("<income_per_member>1500</income_per_member>", "<instanceID>uuid:");
        // The engine stamps the form's start and end (jr:preload timestamp), as Collect does when it opens and finalizes.
        assertThat(xml).containsPattern("<start>\\d{4}-\\d{2}-\\d{2}T[^<]+</start>").containsPattern("<end>\\d{4}-[^<]+</end>");

        var head = client.head("/openrosa/submission");
        assertThat(head.statusCode()).isEqualTo(204);
        assertThat(head.headers().firstValue("X-OpenRosa-Version")).contains("1.0");
        assertThat(head.headers().firstValue("X-OpenRosa-Accept-Content-Length")).isPresent();

        byte[] photo = TestImages.jpegWithGps();
        var posted = client.submit(instance, OpenRosaClient.files("outside.jpg", photo, "child.jpg", photo));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(posted.body()).contains("<OpenRosaResponse xmlns=\"http://openrosa.org/http/response\"", "submit_success");

        var child = byNationalId.find(List.of(nationalId)).get(nationalId);
        assertThat(child).as("the child was registered").isNotNull();
        var visit = jdbc.sql("SELECT income_per_member, member_count, photo_outside, latitude, visited_on, visited_at FROM field_visit v "
                + "JOIN field_visit_child c ON c.visit_id = v.id WHERE c.child_id = ?").param(child.id().value())
                .query((rs, n) -> List.of(rs.getDouble(1), rs.getInt(2), rs.getString(3), rs.getDouble(4),
                        rs.getObject(5, java.time.LocalDate.class), rs.getTimestamp(6) != null)).single();
        assertThat(visit.get(4)).as("the day of the form's end").isEqualTo(today());
        assertThat(visit.get(5)).as("the form's end kept").isEqualTo(true);
        assertThat(visit.get(0)).isEqualTo(1500.0);
        assertThat(visit.get(1)).isEqualTo(3);
        assertThat((String) visit.get(2)).matches("[0-9a-f]{64}");
        assertThat(new String(files.read((String) visit.get(2)), StandardCharsets.ISO_8859_1)).doesNotContain("GPS 16.4419N", "Exif");
        assertThat(visit.get(3)).isEqualTo(16.70);

        var book = recordBook.view(child.id(), user("surveyor.kk"), "care");
        assertThat(book.measurements()).singleElement().satisfies(m -> {
            assertThat(m.weightKg()).isEqualTo(13.5);
            assertThat(m.zWfa()).isNotNull();
        });
        assertThat(book.child().photoSha256()).isNotNull();
        assertThat(new String(files.read(book.child().photoSha256()), StandardCharsets.ISO_8859_1)).doesNotContain("GPS 16.4419N");
        assertThat(book.needs()).extracting(Need::key)
                .contains("need.field.eef", "need.field.csg", "need.field.noCoverage")
                .doesNotContain("need.field.noIdentifier", "need.field.disability");

        // Sent again (ODK Collect retries when it missed the answer): 201, and nothing new stored.
        long before = count();
        var again = client.submit(instance, OpenRosaClient.files("outside.jpg", photo, "child.jpg", photo));
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).contains("already received");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theVisitPhotoIsShownThroughTheChildsAccessAndLogged() throws Exception {
        var client = surveyor();
        byte[] xform = client.getBytes("/openrosa/forms/tonkla_home_visit/2026112801/form.xml").body();
        String nationalId = OpenRosaClient.nationalId();
        byte[] instance = visit(xform, nationalId, "แก้วตา", today().minusYears(2).minusDays(40)).fill();
        byte[] photo = TestImages.jpegWithGps();
        assertThat(client.submit(instance, OpenRosaClient.files("outside.jpg", photo, "child.jpg", photo)).statusCode()).isEqualTo(201);
        ChildId child = byNationalId.find(List.of(nationalId)).get(nationalId).id();
        var web = session();
        web.login("surveyor.kk", "tonkla-demo");
        var thumb = web.get("/field/children/" + child.value() + "/visit-photo?thumbnail=true", "image/*");
        assertThat(thumb.statusCode()).isEqualTo(200);
        assertThat(thumb.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND purpose = 'field-photo'")
                .param(child.value()).query(Long.class).single()).isEqualTo(1);
        var outsider = session();
        outsider.login("officer.chiangmai", "tonkla-demo");
        assertThat(outsider.get("/field/children/" + child.value() + "/visit-photo", "image/*").statusCode()).isEqualTo(403);
    }

    /**
     * A visit in Wang Chai (assigned to surveyor.kk): three members earning 4,500 baht in all, one child. Each test's
     * child has its own name and birthday: the registry's duplicate guard holds back a child like one already registered.
     */
    private FormFiller visit(byte[] xform, String nationalId, String givenName, java.time.LocalDate born) throws Exception {
        return new FormFiller(xform)
                .answer("/data/visit/subdistrict", "400702").answer("/data/visit/village", "หมู่ 4")
                .answer("/data/visit/house_no", "12/3").answer("/data/visit/outcome", "visited")
                .answer("/data/consent/given", "yes").answer("/data/consent/by_name", "แม่ ทดสอบ")
                .answer("/data/consent/relation", "mother").answer("/data/consent/on", today())
                .answer("/data/consent/purposes", "household photos health referral")
                .repeat("/data/household/member", 3)
                .answer("/data/household/member/age", 34, 60, 3)
                .answer("/data/household/member/relation", "mother", "grandparent", "self")
                .answer("/data/household/member/occupation", "รับจ้าง", "ไม่มี", "-")
                .answer("/data/household/member/income", 4500, 0, 0)
                .answer("/data/household/member/disability", "none", "chronic", "none")
                .answer("/data/household/dependants", "elderly single_parent").answer("/data/household/tenure", "with_others")
                .answer("/data/household/floor", "wood").answer("/data/household/wall", "wood_metal")
                .answer("/data/household/roof", "metal").answer("/data/household/toilet", "yes")
                .answer("/data/household/farm_land", "lt1").answer("/data/household/water", "well")
                .answer("/data/household/electricity", "meter").answer("/data/household/vehicles", "motorcycle_boat")
                .answer("/data/household/appliances", "fridge").answer("/data/household/photo_fallback", "house")
                .answer("/data/household/photo_outside", "outside.jpg")
                .answer("/data/household/gps", new double[] {16.70, 102.85, 170, 5})
                .repeat("/data/child", 1)
                .answer("/data/child/given_name", givenName).answer("/data/child/family_name", "สำรวจ" + nationalId.substring(8))
                .answer("/data/child/sex", "F").answer("/data/child/dob", born)
                .answer("/data/child/id_type", "national_id").answer("/data/child/national_id", nationalId)
                .answer("/data/child/photo", "child.jpg").answer("/data/child/weight", 13.5).answer("/data/child/height", 95.0)
                .answer("/data/child/health_coverage", "none").answer("/data/child/disability", "no");
    }

    private long count() {
        return jdbc.sql("SELECT (SELECT count(*) FROM field_submission) + (SELECT count(*) FROM field_visit) "
                + "+ (SELECT count(*) FROM field_visit_child) + (SELECT count(*) FROM field_attachment)").query(Long.class).single();
    }

    CurrentUser user(String username) {
        var a = accounts.search(username).stream().filter(v -> v.username().equals(username)).findFirst().orElseThrow();
        return new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.scope(), "th");
    }

    static String between(String s, String from, String to) {
        int a = s.indexOf(from) + from.length();
        return s.substring(a, s.indexOf(to, a)).replace("&amp;", "&");
    }
}
