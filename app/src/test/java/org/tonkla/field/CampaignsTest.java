package org.tonkla.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.demo.DemoUnits;
import org.tonkla.recordbook.Need;
import org.tonkla.recordbook.RecordBook;
import org.tonkla.registry.ChildId;

/**
 * Campaigns (issue 11 §1): an officer opens one only inside their scope, assigns surveyors to subdistricts of its
 * area, and follows progress per subdistrict, surveyor and day. And what a visit yields for children the registry
 * already has or resembles: the duplicate guard keeps a look-alike for review instead of registering it twice.
 */
class CampaignsTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired RecordBook recordBook;

    @Test
    void anOfficerOpensACampaignInsideTheirScopeOnly() {
        var officer = session();
        officer.login("officer.khonkaen", "tonkla-demo");
        String body = """
                {"name":"สำรวจทดสอบ","areaCodes":["400701","400706"],"startsOn":"%s","endsOn":"%s","registeringUnitId":"%s"}"""
                .formatted(today(), today().plusDays(30), DemoUnits.NAM_PHONG_CENTER);
        var created = officer.postJson("/api/v1/field/campaigns", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        String surveyor = jdbc.sql("SELECT id::text FROM app_user WHERE username = 'surveyor.kk'").query(String.class).single();
        // Mueang Khon Kaen is not in the campaign's area; Nong Kung (400703) is in Nam Phong but not in this campaign.
        assertThat(officer.postJson("/api/v1/field/campaigns/" + id + "/assignments",
                "{\"surveyorId\":\"" + surveyor + "\",\"subdistrictCodes\":[\"400703\"]}").statusCode()).isEqualTo(400);
        var outsideArea = officer.postJson("/api/v1/field/campaigns/" + id + "/assignments",
                "{\"surveyorId\":\"" + surveyor + "\",\"subdistrictCodes\":[\"400101\"]}");
        assertThat(outsideArea.statusCode()).isEqualTo(400);
        assertThat(officer.postJson("/api/v1/field/campaigns/" + id + "/assignments",
                "{\"surveyorId\":\"" + surveyor + "\",\"subdistrictCodes\":[\"400706\"]}").statusCode()).isEqualTo(204);
        assertThat(officer.getJson("/api/v1/field/campaigns").body()).contains(id, "400706");
        // A child to visit must live in the campaign's area: the demo's มะลิ lives in Mueang Khon Kaen (4001).
        var childOutside = officer.postJson("/api/v1/field/campaigns/" + id + "/assignments",
                "{\"surveyorId\":\"" + surveyor + "\",\"childIds\":[\"0192f0a0-0000-7000-8000-0000000000c1\"]}");
        assertThat(childOutside.statusCode()).isEqualTo(400);
        assertThat(childOutside.body()).contains("childIds");
        // A district committee (4001) cannot assign in a campaign reaching beyond its district.
        var committee = session();
        committee.login("committee.kk", "tonkla-demo");
        assertThat(committee.postJson("/api/v1/field/campaigns/" + id + "/assignments",
                "{\"surveyorId\":\"" + surveyor + "\",\"subdistrictCodes\":[\"400701\"]}").statusCode()).isEqualTo(404);

        var chiangMai = session();
        chiangMai.login("officer.chiangmai", "tonkla-demo");
        assertThat(chiangMai.postJson("/api/v1/field/campaigns", body).statusCode()).isEqualTo(403);
        assertThat(chiangMai.getJson("/api/v1/field/campaigns/" + id + "/progress").statusCode()).isEqualTo(404);
        var badDates = officer.postJson("/api/v1/field/campaigns", body.replace("\"endsOn\":\"" + today().plusDays(30),
                "\"endsOn\":\"" + today().minusDays(1)));
        assertThat(badDates.statusCode()).isEqualTo(400);
        assertThat(badDates.body()).contains("endsOn");
    }

    @Test
    void progressCountsVisitsPerSubdistrictSurveyorAndDay() throws Exception {
        var client = new OpenRosaClient("http://localhost:" + port, "surveyor.kk", "tonkla-demo");
        String notFound = "uuid:" + java.util.UUID.randomUUID();
        byte[] xml = ("""
                <data id="tonkla_home_visit" version="2026112801"><visit><subdistrict>400703</subdistrict>
                <outcome>not_found</outcome></visit><meta><instanceID>%s</instanceID></meta></data>""")
                .formatted(notFound).getBytes(StandardCharsets.UTF_8);
        assertThat(client.submit(xml, Map.of()).statusCode()).isEqualTo(201);
        var officer = session();
        officer.login("officer.khonkaen", "tonkla-demo");
        String campaign = jdbc.sql("SELECT id::text FROM field_campaign WHERE name = 'สำรวจเด็กปฐมวัยอำเภอน้ำพอง (สาธิต)'")
                .query(String.class).single();
        var progress = officer.getJson("/api/v1/field/campaigns/" + campaign + "/progress");
        assertThat(progress.statusCode()).isEqualTo(200);
        assertThat(progress.body()).contains("\"subdistrictCode\":\"400703\"", "\"surveyor\":\"surveyor.kk\"", "\"notFound\":1");
    }

    @Test
    void aChildWithoutIdentifierAndWithDisabilityGetsThoseNeedsAndALookAlikeIsKeptForReview() throws Exception {
        var client = new OpenRosaClient("http://localhost:" + port, "surveyor.kk", "tonkla-demo");
        String first = "uuid:" + java.util.UUID.randomUUID();
        String born = today().minusMonths(20).toString();
        assertThat(client.submit(visit(first, born), OpenRosaClient.files()).statusCode()).isEqualTo(201);
        var row = jdbc.sql("""
                SELECT c.child_id, c.match FROM field_visit_child c JOIN field_visit v ON v.id = c.visit_id
                  JOIN field_submission s ON s.id = v.submission_id WHERE s.instance_id = ?""")
                .param(first).query((rs, n) -> List.of(rs.getObject(1), rs.getString(2))).single();
        assertThat(row.get(1)).isEqualTo("REGISTERED");
        var child = new ChildId((java.util.UUID) row.get(0));
        var accounts = jdbc.sql("SELECT id FROM app_user WHERE username = 'surveyor.kk'").query(java.util.UUID.class).single();
        var user = new org.tonkla.identity.CurrentUser(accounts, "surveyor.kk", "surveyor", org.tonkla.identity.Role.SURVEYOR,
                new org.tonkla.identity.Scope("DLA", org.tonkla.identity.OrgUnit.area("4007")), "th");
        assertThat(recordBook.view(child, user, "care").needs()).extracting(Need::key)
                .contains("need.field.noIdentifier", "need.field.disability");
        var web = session();
        web.login("surveyor.kk", "tonkla-demo");
        assertThat(web.get("/children/" + child.value(), "text/html").body())
                .contains("ไม่มีเลขประจำตัวประชาชน / ยังไม่ได้แจ้งเกิด — หน่วยที่ต้องดำเนินการ: สำนักทะเบียนอำเภอ");

        // The same child reported again by another visit (a new instanceID): the guard holds it back for review.
        String second = "uuid:" + java.util.UUID.randomUUID();
        assertThat(client.submit(visit(second, born), OpenRosaClient.files()).statusCode()).isEqualTo(201);
        assertThat(jdbc.sql("""
                SELECT c.match FROM field_visit_child c JOIN field_visit v ON v.id = c.visit_id
                  JOIN field_submission s ON s.id = v.submission_id WHERE s.instance_id = ?""")
                .param(second).query(String.class).single()).isEqualTo("REVIEW");
    }

    private static byte[] visit(String instanceId, String born) throws Exception {
        return ("""
                <data id="tonkla_home_visit" version="2026112801">
                <visit><subdistrict>400701</subdistrict><house_no>88</house_no><outcome>visited</outcome></visit>
                <consent><given>yes</given><by_name>ป้า</by_name><relation>relative</relation><on>2026-01-05</on><purposes>health</purposes></consent>
                <child><given_name>ต้นข้าว</given_name><family_name>ไร้บัตร</family_name><sex>M</sex><dob>%s</dob>
                <id_type>none</id_type><no_id_reason>birth_not_registered</no_id_reason><weight>10.1</weight>
                <health_coverage>ucs</health_coverage><disability>yes</disability></child>
                <meta><instanceID>%s</instanceID></meta></data>""").formatted(born, instanceId)
                .getBytes(StandardCharsets.UTF_8);
    }
}
