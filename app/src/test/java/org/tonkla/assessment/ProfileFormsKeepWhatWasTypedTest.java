package org.tonkla.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.demo.DemoUnits;

/**
 * A center's head whose profile or staff form is refused for one field finds the other fields as typed, not as stored
 * (no value lost on a failed save), and nothing is written.
 */
class ProfileFormsKeepWhatWasTypedTest extends IntegrationTest {

    private static final String PROFILE = "/assessment/centers/" + DemoUnits.KHON_KAEN_CENTER + "/profile";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRefusedProfileShowsTheAddressAndNumbersTypedAndStoresNothing() {
        WebClientSession head = session();
        head.login("head.kk", "tonkla-demo");
        long profilesBefore = jdbc.sql("SELECT count(*) FROM center_profile WHERE address = 'ซอยทดลอง 5'").query(Long.class).single();
        // Neither age group ticked: refused.
        var saved = head.postForm(PROFILE, "address=%E0%B8%8B%E0%B8%AD%E0%B8%A2%E0%B8%97%E0%B8%94%E0%B8%A5%E0%B8%AD%E0%B8%87+5&capacity=41&classrooms=3");
        assertThat(saved.statusCode()).isEqualTo(302);
        String page = head.get(PROFILE, "text/html").body();
        assertThat(page).contains("role=\"alert\"")
                .containsPattern("id=\"address\"[^>]*value=\"ซอยทดลอง 5\"")
                .containsPattern("id=\"capacity\"[^>]*value=\"41\"")
                .containsPattern("id=\"classrooms\"[^>]*value=\"3\"");
        assertThat(jdbc.sql("SELECT count(*) FROM center_profile WHERE address = 'ซอยทดลอง 5'").query(Long.class).single())
                .isEqualTo(profilesBefore).isZero();
        // Shown once: the next visit shows what is stored again.
        assertThat(head.get(PROFILE, "text/html").body()).doesNotContain("ซอยทดลอง 5");
    }

    @Test
    void aRefusedStaffMemberKeepsTheRoleQualificationHoursAndGroupChosen() {
        WebClientSession head = session();
        head.login("head.kk", "tonkla-demo");
        // No name: refused.
        var added = head.postForm("/assessment/centers/" + DemoUnits.KHON_KAEN_CENTER + "/staff",
                "fullName=&role=CAREGIVER&qualification=DIPLOMA&trainingHours=37&caresFor=THREE_TO_SIX");
        assertThat(added.statusCode()).isEqualTo(302);
        String page = head.get(PROFILE, "text/html").body();
        assertThat(page).containsPattern("id=\"trainingHours\"[^>]*value=\"37\"")
                .containsPattern("<option value=\"CAREGIVER\" selected")
                .containsPattern("<option value=\"DIPLOMA\" selected")
                .containsPattern("<option value=\"THREE_TO_SIX\" selected");
        // Without a refusal the form starts from its defaults.
        assertThat(head.get(PROFILE, "text/html").body()).doesNotContainPattern("<option value=\"CAREGIVER\" selected")
                .containsPattern("id=\"trainingHours\"[^>]*value=\"0\"");
    }

    @Test
    void someoneWhoMayNotKeepTheProfileIsRefusedBeforeAnyValueIsRead() {
        WebClientSession officer = session();
        officer.login("officer.khonkaen", "tonkla-demo");
        assertThat(officer.postForm("/assessment/centers/" + DemoUnits.KHON_KAEN_CENTER + "/staff", "fullName=x&trainingHours=x").statusCode())
                .isEqualTo(403);
        assertThat(officer.postForm(PROFILE, "capacity=x").statusCode()).isEqualTo(403);
    }
}
