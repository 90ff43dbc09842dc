package org.tonkla.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonkla.committee.CommitteeFixtures.*;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;

/**
 * Issue 12 §5: "decisions as tasks assigned to agencies with due dates, followed up at the next meeting; a care plan
 * per child (goals, tasks across agencies, review date)". An open task comes back on every next agenda until the
 * agency marks it done.
 */
class TaskFollowUpTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOpenTaskIsProposedAtTheNextMeetingUntilItsAgencyMarksItDone() {
        var teacher = as(session(), "teacher.kk");
        UUID child = classmate(16);
        refer(teacher, child, HEALTH_CENTER, "immunization", "");
        var secretary = as(session(), "committee.kk");
        UUID committee = testCommittee(as(session(), "admin"), jdbc);
        UUID first = meeting(secretary, committee, today().plusDays(15));
        String path = "/api/v1/committees/" + committee + "/meetings/" + first;
        UUID item = jdbc.sql("SELECT id FROM committee_agenda_item WHERE meeting_id = ? AND child_id = ?")
                .params(first, child).query(UUID.class).single();
        ok(secretary.postJson(path + "/items/" + item + "/accept", "{}"), 204);
        // Decisions are recorded at the meeting, not on a draft.
        assertThat(secretary.postJson(path + "/items/" + item + "/tasks", task("OPS-MOPH")).statusCode()).isEqualTo(409);
        ok(secretary.postJson(path + "/publish", "{}"), 204);

        // Bad fields are named.
        String bad = secretary.postJson(path + "/items/" + item + "/tasks",
                "{\"description\":\"\",\"agencyCode\":\"NOPE\",\"dueOn\":\"" + today().minusDays(1) + "\"}").body();
        assertThat(bad).contains("description").contains("agencyCode").contains("dueOn");
        ok(secretary.postJson(path + "/items/" + item + "/tasks", task("OPS-MOPH")), 204);
        ok(secretary.postJson(path + "/items/" + item + "/care-plan",
                "{\"goals\":\"ได้รับวัคซีนครบตามวัยภายใน 1 เดือน\",\"reviewOn\":\"" + today().plusMonths(3) + "\"}"), 204);
        String board = ok(secretary.getJson(path), 200);
        assertThat(board).contains("ได้รับวัคซีนครบตามวัยภายใน 1 เดือน").contains("นัดฉีดวัคซีนที่บ้าน");
        ok(secretary.postJson(path + "/close", "{}"), 204);
        UUID task = jdbc.sql("SELECT id FROM committee_task WHERE item_id = ?").param(item).query(UUID.class).single();

        // The next meeting proposes its follow-up.
        UUID second = meeting(secretary, committee, today().plusDays(45));
        assertThat(followUps(second)).contains(task);
        assertThat(ok(secretary.getJson("/api/v1/committees/" + committee + "/tasks"), 200)).contains(task.toString());

        // Only the secretary or a member from the task's agency marks it done: school.kk (OBEC) may not, health.kk may.
        var school = as(session(), "school.kk");
        assertThat(school.postJson("/api/v1/committees/" + committee + "/tasks/" + task + "/done", "{\"text\":\"x\"}")
                .statusCode()).isEqualTo(403);
        var health = as(session(), "health.kk");
        ok(health.postJson("/api/v1/committees/" + committee + "/tasks/" + task + "/done", "{\"text\":\"ฉีดแล้ว\"}"), 204);
        assertThat(health.postJson("/api/v1/committees/" + committee + "/tasks/" + task + "/done", "{\"text\":\"x\"}")
                .statusCode()).isEqualTo(409);

        // Done: the meeting after does not propose it again; it is no longer among the open tasks.
        UUID third = meeting(secretary, committee, today().plusDays(60));
        assertThat(followUps(third)).doesNotContain(task);
        assertThat(ok(secretary.getJson("/api/v1/committees/" + committee + "/tasks"), 200)).doesNotContain(task.toString());
        assertThat(ok(secretary.getJson("/api/v1/committees/" + committee + "/tasks?all=true"), 200)).contains(task.toString());
    }

    private String task(String agency) {
        return "{\"description\":\"นัดฉีดวัคซีนที่บ้าน\",\"agencyCode\":\"" + agency + "\",\"dueOn\":\""
                + today().plusDays(7) + "\"}";
    }

    private List<UUID> followUps(UUID meeting) {
        return jdbc.sql("SELECT task_id FROM committee_agenda_item WHERE meeting_id = ? AND kind = 'FOLLOW_UP'")
                .param(meeting).query(UUID.class).list();
    }
}
