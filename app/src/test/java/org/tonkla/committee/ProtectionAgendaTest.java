package org.tonkla.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tonkla.committee.CommitteeFixtures.as;
import static org.tonkla.committee.CommitteeFixtures.classmate;
import static org.tonkla.committee.CommitteeFixtures.meeting;
import static org.tonkla.committee.CommitteeFixtures.ok;
import static org.tonkla.committee.CommitteeFixtures.testCommittee;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;

/**
 * Issue 17: the district child-protection subcommittee reviews the protection concerns of its district, so an open
 * concern is proposed on its next agenda (de-identified, reason PROTECTION); the quality-of-life committee of the
 * same district is not told of it; a closed concern is no longer proposed.
 */
class ProtectionAgendaTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOpenConcernIsProposedToTheChildProtectionSubcommitteeOnly() {
        UUID child = classmate(18);
        var teacher = as(session(), "teacher.kk");
        ok(teacher.postJson("/api/v1/protection/children/" + child + "/screenings", """
                {"items":["domestic-violence"],"reason":"ทดสอบวาระ: เด็กเล่าว่าพ่อตีแม่ทุกคืน"}"""), 201);

        var secretary = as(session(), "committee.kk");
        UUID protection = testCommittee(as(session(), "admin"), jdbc);
        UUID meeting = meeting(secretary, protection, today().plusDays(14));
        assertThat(reasons(meeting, child)).containsExactly("PROTECTION");
        String board = ok(secretary.getJson("/api/v1/committees/" + protection + "/meetings/" + meeting), 200);
        assertThat(board).contains("\"PROTECTION\"").contains("OPS-MSDHS").doesNotContain(child.toString());

        UUID qualityOfLife = jdbc.sql("SELECT id FROM committee WHERE district_code = '4001' AND kind = 'QUALITY_OF_LIFE'")
                .query(UUID.class).single();
        UUID other = meeting(secretary, qualityOfLife, today().plusDays(15));
        assertThat(reasons(other, child)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM committee_agenda_item WHERE meeting_id = ? AND 'PROTECTION' = ANY(reasons)")
                .param(other).query(Long.class).single()).isZero();

        // Closed by the office, the concern is not proposed again.
        jdbc.sql("UPDATE protection_concern SET status = 'CLOSED', closed_at = now() WHERE child_id = ?").param(child).update();
        UUID later = meeting(secretary, protection, today().plusDays(40));
        assertThat(reasons(later, child)).isEmpty();
    }

    private List<String> reasons(UUID meeting, UUID child) {
        return jdbc.sql("SELECT array_to_string(reasons, ',') FROM committee_agenda_item WHERE meeting_id = ? AND child_id = ?"
                        + " AND kind = 'CASE'").params(meeting, child).query(String.class).list().stream()
                .flatMap(r -> List.of(r.split(",")).stream()).toList();
    }
}
