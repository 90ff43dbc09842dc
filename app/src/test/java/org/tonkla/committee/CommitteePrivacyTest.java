package org.tonkla.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonkla.committee.CommitteeFixtures.*;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;

/**
 * Issue 12 §5: "Committee members see de-identified counts by default and named children only for cases on the
 * agenda." Named only to members, only while the agenda is published, each view in the family's access log for
 * child protection; a user outside the committee (even a member of another committee) learns nothing.
 */
class CommitteePrivacyTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aChildIsNamedToMembersOnlyWhileOnThePublishedAgenda() {
        var teacher = as(session(), "teacher.kk");
        UUID child = classmate(15);
        refer(teacher, child, HEALTH_CENTER, "immunization", "");
        String name = jdbc.sql("SELECT given_name_th || ' ' || family_name_th FROM child WHERE id = ?").param(child)
                .query(String.class).single();

        var secretary = as(session(), "committee.kk");
        var member = as(session(), "health.kk");
        UUID committee = testCommittee(as(session(), "admin"), jdbc);
        UUID meeting = meeting(secretary, committee, today().plusDays(30));
        UUID item = item(meeting, child);
        String path = "/api/v1/committees/" + committee + "/meetings/" + meeting;

        // Draft: the secretary works de-identified; members see no agenda yet.
        ok(secretary.postJson(path + "/items/" + item + "/accept", "{}"), 204);
        assertThat(ok(secretary.getJson(path), 200)).doesNotContain(name).doesNotContain(child.toString());
        assertThat(ok(member.getJson(path), 200)).doesNotContain(name).contains("\"items\":[]");
        // Only the secretary prepares the agenda.
        assertThat(member.postJson(path + "/publish", "{}").statusCode()).isEqualTo(403);

        long before = reads(child);
        ok(secretary.postJson(path + "/publish", "{}"), 204);
        assertThat(ok(member.getJson(path), 200)).contains(name).contains(child.toString());
        assertThat(ok(secretary.getJson(path), 200)).contains(name);
        // Each named view is in the family's access log, by whom and for child protection.
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND purpose = 'protection' AND username IN"
                + " ('health.kk', 'committee.kk')").param(child).query(Long.class).single()).isGreaterThanOrEqualTo(2);
        assertThat(reads(child)).isGreaterThan(before);
        // The printable agenda names the child for members too.
        assertThat(member.get("/committees/" + committee + "/meetings/" + meeting + "/agenda", "text/html").body())
                .contains(name);

        // Not a member of this committee (teacher.kk), a member of another committee only (head.kk sits on the demo
        // committee), a family, another province: 404 for the committee, the meeting and the printable agenda.
        for (String outsider : new String[] {"teacher.kk", "head.kk", "guardian.kk", "officer.chiangmai"}) {
            var s = as(session(), outsider);
            assertThat(s.getJson(path).statusCode()).as(outsider).isEqualTo(404);
            assertThat(s.getJson("/api/v1/committees/" + committee).statusCode()).as(outsider).isEqualTo(404);
            assertThat(s.get("/committees/" + committee + "/meetings/" + meeting + "/agenda", "text/html").statusCode())
                    .as(outsider).isEqualTo(404);
            assertThat(ok(s.getJson("/api/v1/committees"), 200)).as(outsider).doesNotContain(committee.toString());
            assertThat(s.postJson(path + "/close", "{}").statusCode()).as(outsider).isEqualTo(404);
        }
        // An administrator manages the committee but reads no child: the agenda stays de-identified.
        assertThat(ok(as(session(), "admin").getJson(path), 200)).doesNotContain(name);

        // Closed: the case is de-identified again, for members and the secretary.
        ok(secretary.postJson(path + "/close", "{}"), 204);
        assertThat(ok(member.getJson(path), 200)).doesNotContain(name).doesNotContain(child.toString());
        assertThat(ok(secretary.getJson(path), 200)).doesNotContain(name);
    }

    @Test
    void membersSeeTheDistrictInCountsWithoutNames() {
        var member = as(session(), "school.kk");
        UUID committee = testCommittee(as(session(), "admin"), jdbc);
        String view = ok(member.getJson("/api/v1/committees/" + committee), 200);
        assertThat(view).contains("\"counts\"").contains("\"byNeedType\"").contains("\"byAgency\"");
        assertThat(Integer.parseInt(field(view, "children"))).isPositive();
        assertThat(view).doesNotContain(classmate(15).toString()).doesNotContain(classmate(10).toString());
        // A member does not manage the members.
        assertThat(member.postJson("/api/v1/committees/" + committee + "/members",
                "{\"username\":\"teacher.kk\",\"position\":\"MEMBER\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void onlyPeopleWhoseWorkCoversTheDistrictCanBeMadeMembers() {
        UUID committee = testCommittee(as(session(), "admin"), jdbc);
        var secretary = as(session(), "committee.kk");
        // Chiang Mai's officer would read Khon Kaen children named on the agenda: refused, naming the field.
        var refused = secretary.postJson("/api/v1/committees/" + committee + "/members",
                "{\"username\":\"officer.chiangmai\",\"position\":\"MEMBER\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("username");
        assertThat(ok(secretary.getJson("/api/v1/committees/" + committee), 200)).doesNotContain("officer.chiangmai");
        // The province's social development office covers the district (its worker already sees protection cases;
        // adding another persona would change what other tests expect it to see).
        ok(secretary.postJson("/api/v1/committees/" + committee + "/members",
                "{\"username\":\"socialdev.kk\",\"position\":\"MEMBER\"}"), 200);
    }

    private UUID item(UUID meeting, UUID child) {
        return jdbc.sql("SELECT id FROM committee_agenda_item WHERE meeting_id = ? AND child_id = ? AND kind = 'CASE'")
                .params(meeting, child).query(UUID.class).single();
    }

    private long reads(UUID child) {
        return jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND purpose = 'protection'").param(child)
                .query(Long.class).single();
    }
}
