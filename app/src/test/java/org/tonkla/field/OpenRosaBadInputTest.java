package org.tonkla.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.TestImages;

/**
 * Issue 11 §8, bad input: each answered clearly (an OpenRosa error message with 400, 401, 403, 409 or 413), nothing
 * stored for a refused submission, nothing stored twice for a re-sent one, and nothing lost when a submission comes in
 * two POSTs.
 */
class OpenRosaBadInputTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    OpenRosaClient as(String user) {
        return new OpenRosaClient("http://localhost:" + port, user, "tonkla-demo");
    }

    /** A minimal instance of the home-visit form: one child with a photo, in {@code subdistrict}. */
    static byte[] instance(String instanceId, String version, String subdistrict, String childName) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <data xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms" id="tonkla_home_visit" version="%s">
                <visit><subdistrict>%s</subdistrict><village/><house_no>7</house_no><outcome>visited</outcome></visit>
                <consent><given>yes</given><by_name>ยาย</by_name><relation>relative</relation><on>2026-01-05</on><purposes>photos</purposes></consent>
                <child><given_name>%s</given_name><family_name>ทดสอบ</family_name><sex>M</sex><dob>2024-03-01</dob>
                <id_type>none</id_type><no_id_reason>birth_not_registered</no_id_reason><photo>child.jpg</photo>
                <weight>11.2</weight><height/></child>
                <orx:meta><orx:instanceID>%s</orx:instanceID></orx:meta></data>
                """).formatted(version, subdistrict, childName, instanceId).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] valid(String id) {
        return instance(id, "2026112801", "400701", "ภูผา" + id.substring(id.length() - 6));
    }

    long stored(String instanceId) {
        return jdbc.sql("SELECT count(*) FROM field_submission WHERE instance_id = ?").param(instanceId).query(Long.class).single();
    }

    static String newId() {
        return "uuid:" + UUID.randomUUID();
    }

    @Test
    void withoutCredentialsTheServerAsksForDigestOrBasicAuthentication() {
        var r = new OpenRosaClient("http://localhost:" + port, null, null).get("/openrosa/formList");
        assertThat(r.statusCode()).isEqualTo(401);
        // Both schemes are offered: Digest (ODK Collect over http) and Basic (over https).
        assertThat(r.headers().allValues("WWW-Authenticate")).anySatisfy(h -> assertThat(h).startsWith("Basic"))
                .anySatisfy(h -> assertThat(h).startsWith("Digest realm=\"Tonkla OpenRosa\""));
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(new OpenRosaClient("http://localhost:" + port, "surveyor.kk", "wrong").get("/openrosa/formList").statusCode())
                .isEqualTo(401);
    }

    @Test
    void malformedXmlIsRefusedAndNothingStored() {
        long before = jdbc.sql("SELECT count(*) FROM field_submission").query(Long.class).single();
        var r = as("surveyor.kk").submit("<data id=\"tonkla_home_visit\"><visit>".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("nature=\"error\"", "not well-formed XML");
        var entity = as("surveyor.kk").submit(("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<data id=\"tonkla_home_visit\">&x;</data>").getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(entity.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM field_submission").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anUnknownFormVersionIsRefused() {
        String id = newId();
        var r = as("surveyor.kk").submit(instance(id, "1999010101", "400701", "เก่า"), Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("unknown form tonkla_home_visit version 1999010101");
        assertThat(stored(id)).isZero();
    }

    @Test
    void anAttachmentTooBigOrOfTheWrongTypeIsRefused() throws Exception {
        String id = newId();
        byte[] huge = new byte[9 * 1024 * 1024];
        System.arraycopy(TestImages.jpegWithGps(), 0, huge, 0, 3);
        var big = as("surveyor.kk").submit(valid(id), OpenRosaClient.files("child.jpg", huge));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).contains("too large");
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        var wrong = as("surveyor.kk").submit(valid(id), OpenRosaClient.files("child.jpg", svg));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("only JPEG or PNG");
        byte[] html = "<html><body>x</body></html>".getBytes(StandardCharsets.UTF_8);
        assertThat(as("surveyor.kk").submit(valid(id), OpenRosaClient.files("child.jpg", html)).statusCode()).isEqualTo(400);
        assertThat(stored(id)).isZero();
    }

    @Test
    void aVisitOutsideTheSurveyorsAssignmentIsRefusedAndNothingStored() throws Exception {
        byte[] photo = TestImages.jpegWithGps();
        String mueang = newId(); // Mueang Khon Kaen: outside the campaign's area
        var outside = as("surveyor.kk").submit(instance(mueang, "2026112801", "400101", "นอกเขต"), OpenRosaClient.files("child.jpg", photo));
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(outside.body()).contains("nature=\"error\"", "outside your campaign assignment");
        String unassigned = newId(); // Sa-At: in Nam Phong, but not one of surveyor.kk's subdistricts
        assertThat(as("surveyor.kk").submit(instance(unassigned, "2026112801", "400705", "ไม่ได้มอบหมาย"), Map.of()).statusCode())
                .isEqualTo(403);
        String teacher = newId(); // teacher.kk has no campaign at all: no form listed, no submission taken
        assertThat(as("teacher.kk").get("/openrosa/formList").body()).doesNotContain("<xform>");
        assertThat(as("teacher.kk").submit(valid(teacher), Map.of()).statusCode()).isEqualTo(403);
        assertThat(stored(mueang) + stored(unassigned) + stored(teacher)).isZero();
    }

    @Test
    void aResentSubmissionStoresNothingNewAndChangedXmlUnderTheSameIdIsAConflict() throws Exception {
        String id = newId();
        byte[] photo = TestImages.jpegWithGps();
        assertThat(as("surveyor.kk").submit(valid(id), OpenRosaClient.files("child.jpg", photo)).statusCode()).isEqualTo(201);
        String children = "SELECT count(*) FROM field_visit_child c JOIN field_visit v ON v.id = c.visit_id "
                + "JOIN field_submission s ON s.id = v.submission_id WHERE s.instance_id = ?";
        assertThat(jdbc.sql(children).param(id).query(Long.class).single()).isEqualTo(1);
        var again = as("surveyor.kk").submit(valid(id), OpenRosaClient.files("child.jpg", photo));
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(jdbc.sql(children).param(id).query(Long.class).single()).isEqualTo(1);
        assertThat(stored(id)).isEqualTo(1);
        byte[] changed = instance(id, "2026112801", "400701", "อื่น");
        var conflict = as("surveyor.kk").submit(changed, Map.of());
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("different XML");
    }

    @Test
    void aSubmissionSplitOverTwoPostsIsProcessedOnceWhenComplete() throws Exception {
        String id = newId();
        byte[] xml = ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <data id="tonkla_home_visit" version="2026112801">
                <visit><subdistrict>400703</subdistrict><house_no>9</house_no><outcome>visited</outcome></visit>
                <consent><given>yes</given><by_name>พ่อ</by_name><relation>father</relation><on>2026-01-05</on><purposes>household photos</purposes></consent>
                <household><member><age>30</age><relation>father</relation><income>9000</income><disability>none</disability></member>
                <tenure>own</tenure><photo_fallback>house</photo_fallback><photo_outside>out.jpg</photo_outside><photo_inside>in.jpg</photo_inside></household>
                <meta><instanceID>%s</instanceID></meta></data>
                """).formatted(id).getBytes(StandardCharsets.UTF_8);
        byte[] photo = TestImages.jpegWithGps();
        var first = as("surveyor.kk").submit(xml, OpenRosaClient.files("out.jpg", photo), true);
        assertThat(first.statusCode()).isEqualTo(201);
        String visits = "SELECT count(*) FROM field_visit v JOIN field_submission s ON s.id = v.submission_id WHERE s.instance_id = ?";
        assertThat(jdbc.sql(visits).param(id).query(Long.class).single()).isZero();
        var second = as("surveyor.kk").submit(xml, OpenRosaClient.files("in.jpg", photo), false);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(jdbc.sql(visits).param(id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM field_visit v JOIN field_submission s ON s.id = v.submission_id
                 WHERE s.instance_id = ? AND v.photo_outside IS NOT NULL AND v.photo_inside IS NOT NULL
                   AND v.income_per_member = 9000""").param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPhotoSentAfterItsVisitWasProcessedGoesWhereItWouldHaveGone() throws Exception {
        String id = newId();
        // A child nobody registered before (another day of birth), so the registry's duplicate guard lets it in.
        String born = java.time.LocalDate.of(2023, 1, 1).plusDays(Math.abs(id.hashCode()) % 360).toString();
        byte[] xml = new String(instance(id, "2026112801", "400701", "ฟ้าใส" + id.substring(id.length() - 6)),
                StandardCharsets.UTF_8).replace("<dob>2024-03-01</dob>", "<dob>" + born + "</dob>")
                .getBytes(StandardCharsets.UTF_8); // names child.jpg
        assertThat(as("surveyor.kk").submit(xml, Map.of()).statusCode()).isEqualTo(201); // sent without it, as complete
        String photoOnVisit = "SELECT c.photo_sha256 FROM field_visit_child c JOIN field_visit v ON v.id = c.visit_id"
                + " JOIN field_submission s ON s.id = v.submission_id WHERE s.instance_id = ?";
        assertThat(jdbc.sql(photoOnVisit.replace("c.photo_sha256", "c.match")).param(id).query(String.class).single())
                .isEqualTo("REGISTERED");
        assertThat(jdbc.sql(photoOnVisit).param(id).query(String.class).list()).containsOnlyNulls();
        assertThat(as("surveyor.kk").submit(xml, OpenRosaClient.files("child.jpg", TestImages.jpegWithGps())).statusCode())
                .isEqualTo(201);
        String sha = jdbc.sql(photoOnVisit).param(id).query(String.class).single();
        assertThat(sha).isNotNull();
        assertThat(jdbc.sql("""
                SELECT ch.photo_sha256 FROM child ch JOIN field_visit_child c ON c.child_id = ch.id
                  JOIN field_visit v ON v.id = c.visit_id JOIN field_submission s ON s.id = v.submission_id
                 WHERE s.instance_id = ?""").param(id).query(String.class).single()).as("the child's registry photo").isNotNull();
    }

    @Test
    void anOfflineVisitOverTheSizeLimitIsRefusedBeforeItIsRead() {
        var surveyor = session();
        surveyor.login("surveyor.kk", "tonkla-demo");
        String huge = "{\"photo\":\"" + "A".repeat(13 * 1024 * 1024) + "\"}";
        var refused = surveyor.postJson("/field/visits", huge);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("12 MB");
    }

    @Test
    void withoutConsentOnlyWhatTheLawAllowsIsKept() throws Exception {
        String id = newId();
        byte[] xml = ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <data id="tonkla_home_visit" version="2026112801">
                <visit><subdistrict>400701</subdistrict><house_no>5</house_no><outcome>visited</outcome></visit>
                <consent><given>no</given></consent>
                <household><member><age>30</age><relation>father</relation><income>100</income><disability>none</disability></member>
                <tenure>own</tenure><photo_outside>out.jpg</photo_outside><gps>16.7 102.8 0 5</gps></household>
                <child><given_name>ไม่ยินยอม%s</given_name><family_name>ทดสอบ</family_name><sex>F</sex><dob>2023-05-01</dob>
                <id_type>none</id_type><no_id_reason>unknown</no_id_reason><photo>child.jpg</photo><weight>12</weight>
                <health_coverage>none</health_coverage></child>
                <meta><instanceID>%s</instanceID></meta></data>
                """).formatted(id.substring(id.length() - 6), id).getBytes(StandardCharsets.UTF_8);
        byte[] photo = TestImages.jpegWithGps();
        assertThat(as("surveyor.kk").submit(xml, OpenRosaClient.files("out.jpg", photo, "child.jpg", photo)).statusCode())
                .isEqualTo(201);
        var row = jdbc.sql("""
                SELECT v.members IS NULL AND v.household_status IS NULL AND v.photo_outside IS NULL AND v.latitude IS NULL
                       AND v.income_per_member IS NULL AND c.photo_sha256 IS NULL AND c.health_coverage IS NULL AND c.child_id IS NOT NULL
                  FROM field_visit v JOIN field_submission s ON s.id = v.submission_id JOIN field_visit_child c ON c.visit_id = v.id
                 WHERE s.instance_id = ?""").param(id).query(Boolean.class).single();
        assertThat(row).as("household, photos, GPS and health data dropped; the child registered").isTrue();
        // Nor kept in the submission as received: its XML loses what the guardian did not consent to.
        String stored = jdbc.sql("SELECT xml FROM field_submission WHERE instance_id = ?").param(id).query(String.class).single();
        assertThat(stored).contains("<given_name>", "<weight>12</weight>", id)
                .doesNotContain("<household", "102.8", "<income>", "health_coverage", "child.jpg", "out.jpg");
    }
}
