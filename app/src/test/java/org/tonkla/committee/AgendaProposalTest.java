package org.tonkla.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonkla.committee.CommitteeFixtures.*;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;

/**
 * Issue 12 §5: "case conferences with an agenda built from children whose needs are overdue or span several
 * agencies". Tonkla proposes exactly those children of the committee's district: an open referral past its due date
 * on the meeting day, or open referrals to two agencies; not a child whose only referral is still within its time,
 * whose overdue referral was completed, or whose referral went to another district.
 */
class AgendaProposalTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void proposesTheOverdueAndTheMultiAgencyChildrenOfTheDistrictAndNoOthers() {
        var teacher = as(session(), "teacher.kk");
        var health = as(session(), "health.kk");
        UUID overdue = classmate(10);
        UUID withinTime = classmate(11);
        UUID twoAgencies = classmate(12);
        UUID completed = classmate(13);
        UUID elsewhere = classmate(14);
        // A vaccine has 14 days, growth 30 (NeedTypes): on a meeting 20 days away the first is overdue, the second not.
        refer(teacher, overdue, HEALTH_CENTER, "immunization", "");
        refer(teacher, withinTime, HEALTH_CENTER, "growth", "");
        refer(teacher, twoAgencies, HEALTH_CENTER, "growth", "");
        refer(teacher, twoAgencies, KINDERGARTEN, "other",
                ",\"basis\":\"CHILD_PROTECTION\",\"legalReason\":\"ทดสอบ: ครูพบร่องรอยถูกทำร้าย\"");
        UUID done = refer(teacher, completed, HEALTH_CENTER, "immunization", "");
        ok(health.postJson("/api/v1/referrals/" + done + "/accept", "{\"revision\":0}"), 200);
        ok(health.postJson("/api/v1/referrals/" + done + "/complete", "{\"revision\":1,\"outcome\":\"SUPPORT_PROVIDED\"}"), 200);
        refer(teacher, elsewhere, CHIANG_MAI_CENTER, "immunization",
                ",\"basis\":\"VITAL_INTEREST\",\"legalReason\":\"ทดสอบ: ครอบครัวย้ายไปเชียงใหม่\"");

        var secretary = as(session(), "committee.kk");
        UUID committee = testCommittee(as(session(), "admin"), jdbc);
        UUID meeting = meeting(secretary, committee, today().plusDays(20));

        Map<UUID, List<String>> proposed = jdbc.sql("""
                SELECT child_id, array_to_string(reasons, ',') FROM committee_agenda_item
                 WHERE meeting_id = ? AND kind = 'CASE' AND proposed""").param(meeting)
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), List.of(rs.getString(2).split(","))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(proposed).containsEntry(overdue, List.of("OVERDUE")).containsEntry(twoAgencies, List.of("MULTI_AGENCY"))
                .doesNotContainKeys(withinTime, completed, elsewhere);

        // A meeting before the vaccine's due date: the child referred to two agencies only.
        UUID early = meeting(secretary, committee, today().plusDays(10));
        List<UUID> earlyCases = jdbc.sql("SELECT child_id FROM committee_agenda_item WHERE meeting_id = ? AND kind = 'CASE'")
                .param(early).query(UUID.class).list();
        assertThat(earlyCases).contains(twoAgencies).doesNotContain(overdue, withinTime, completed, elsewhere);

        // The secretary sees the proposals de-identified: age and what is open where, no name, no child id.
        String board = ok(secretary.getJson("/api/v1/committees/" + committee + "/meetings/" + meeting), 200);
        assertThat(board).contains("\"MULTI_AGENCY\"").contains("\"ageMonths\"").doesNotContain(overdue.toString())
                .doesNotContain(twoAgencies.toString()).contains("\"named\":null");
        String name = jdbc.sql("SELECT given_name_th FROM child WHERE id = ?").param(overdue).query(String.class).single();
        assertThat(board).doesNotContain(name);
    }
}
