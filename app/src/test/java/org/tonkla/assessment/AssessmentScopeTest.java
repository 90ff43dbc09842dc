package org.tonkla.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.demo.DemoUnits;
import org.tonkla.directory.Directory;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;

/** Issue 5 §6: an officer outside the province cannot see the center; who may review whom. */
class AssessmentScopeTest extends IntegrationTest {

    private static final String KK = "/assessment/centers/" + DemoUnits.KHON_KAEN_CENTER;

    @Autowired
    Monitoring monitoring;
    @Autowired
    CenterAssessments assessments;
    @Autowired
    Directory directory;
    @Autowired
    JdbcClient jdbc;

    @Test
    void officerOutsideTheProvinceCannotSeeTheCenter() {
        WebClientSession chiangMai = session();
        assertThat(chiangMai.login("officer.chiangmai", "tonkla-demo")).isEqualTo("/");
        assertThat(chiangMai.get(KK, "text/html").statusCode()).isEqualTo(403);
        assertThat(chiangMai.get(KK + "/2569", "text/html").statusCode()).isEqualTo(403);
        assertThat(chiangMai.get(KK + "/profile", "text/html").statusCode()).isEqualTo(403);
        assertThat(chiangMai.get("/assessment/monitoring?area=40", "text/html").statusCode()).isEqualTo(403);
        assertThat(chiangMai.get("/assessment/monitoring/export.xlsx?area=40", "*/*").statusCode()).isEqualTo(403);
        var own = chiangMai.get("/assessment/monitoring?list=ALL", "text/html");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("ศูนย์พัฒนาเด็กเล็กเทศบาลนครเชียงใหม่ (สาธิต)")
                .doesNotContain("ศูนย์พัฒนาเด็กเล็กเทศบาลนครขอนแก่น (สาธิต)");

        WebClientSession khonKaen = session();
        khonKaen.login("officer.khonkaen", "tonkla-demo");
        assertThat(khonKaen.get(KK, "text/html").statusCode()).isEqualTo(200);
        assertThat(khonKaen.get("/assessment/monitoring?list=ALL", "text/html").body())
                .contains("ศูนย์พัฒนาเด็กเล็กเทศบาลนครขอนแก่น (สาธิต)");
    }

    @Test
    void aCenterSeesOnlyItselfAndNoDashboard() {
        WebClientSession head = session();
        head.login("head.kk", "tonkla-demo");
        assertThat(head.get("/assessment/centers/" + DemoUnits.CHIANG_MAI_CENTER, "text/html").statusCode()).isEqualTo(403);
        assertThat(head.get("/assessment/monitoring", "text/html").statusCode()).isEqualTo(403);
    }

    @Test
    void theAffiliatedAgencysOfficerOrTheCoordinatingAgencysReviews() {
        UUID dlaCenter = DemoUnits.KHON_KAEN_CENTER;
        var dcy = Fixtures.user("dcy.40", Role.PROVINCIAL_OFFICER, "DCY", OrgUnit.area("40"));
        var dla = Fixtures.user("dla.40", Role.PROVINCIAL_OFFICER, "DLA", OrgUnit.area("40"));
        var moiDistrict = Fixtures.user("moi.4001", Role.PROVINCIAL_OFFICER, "MOI", OrgUnit.area("4001"));
        var obec = Fixtures.user("obec.40", Role.PROVINCIAL_OFFICER, "OBEC", OrgUnit.area("40"));
        var dlaElsewhere = Fixtures.user("dla.50", Role.PROVINCIAL_OFFICER, "DLA", OrgUnit.area("50"));
        assertThat(assessments.mayReview(dcy, dlaCenter)).as("DCY coordinates the national ECD system").isTrue();
        assertThat(assessments.mayReview(dla, dlaCenter)).as("the center's own agency").isTrue();
        assertThat(assessments.mayReview(moiDistrict, dlaCenter)).as("the agency above, district scope").isTrue();
        assertThat(assessments.mayReview(obec, dlaCenter)).as("another affiliation").isFalse();
        assertThat(assessments.mayReview(dlaElsewhere, dlaCenter)).as("another province").isFalse();
    }

    @Test
    void agencyBoundRolesCountOnlyTheirAgencysCenters() {
        // AGENCY_ANALYST is agency-bound by default (tonkla.scope.agency-bound-roles).
        var dlaAnalyst = Fixtures.user("dla.analyst", Role.AGENCY_ANALYST, "DLA", OrgUnit.area("40"));
        var rows = monitoring.centers(new Monitoring.Query(2569, "40", null, Monitoring.ListFilter.ALL), dlaAnalyst);
        assertThat(rows).extracting(Monitoring.CenterRow::unitId).contains(DemoUnits.KHON_KAEN_CENTER)
                .doesNotContain(DemoUnits.KHON_KAEN_KINDERGARTEN);
        assertThat(rows).allMatch(r -> r.agencyCode().equals("DLA"));
        var obecOfficer = Fixtures.user("obec.officer", Role.PROVINCIAL_OFFICER, "OBEC", OrgUnit.area("40"));
        assertThat(monitoring.centers(new Monitoring.Query(2569, "40", null, Monitoring.ListFilter.ALL), obecOfficer))
                .extracting(Monitoring.CenterRow::unitId).contains(DemoUnits.KHON_KAEN_CENTER, DemoUnits.KHON_KAEN_KINDERGARTEN);
    }

    @Test
    void someoneOutOfScopeIsRefusedBeforeAnythingOfTheAssessmentIsRead() {
        UUID unit = Fixtures.center(directory, "DLA", "340301", "ศูนย์พัฒนาเด็กเล็กขอบเขต");
        var head = Fixtures.user("head.scope", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        var chiangMai = Fixtures.user("officer.scope.50", Role.PROVINCIAL_OFFICER, "DLA", OrgUnit.area("50"));
        UUID id = assessments.open(unit, assessments.currentYearBe(), head);
        // An assessment that cannot even be loaded: if it were read (ratings, records, history)
        // before the scope check, the outsider would get an error instead of a plain refusal.
        jdbc.sql("UPDATE center_assessment SET age_groups = 'NOT_A_GROUP' WHERE id = ?").param(id).update();
        try {
            assertThatThrownBy(() -> assessments.sheet(id, chiangMai)).isInstanceOfAny(AccessDeniedException.class, org.tonkla.platform.Refused.class);
            assertThatThrownBy(() -> assessments.saveDraft(id, Map.of(), Map.of(), chiangMai))
                    .isInstanceOfAny(AccessDeniedException.class, org.tonkla.platform.Refused.class);
            assertThatThrownBy(() -> assessments.submit(id, 0, chiangMai)).isInstanceOfAny(AccessDeniedException.class, org.tonkla.platform.Refused.class);
            assertThatThrownBy(() -> assessments.review(id, 0, Map.of(), Reviews.Decision.SAVE, null, chiangMai))
                    .isInstanceOfAny(AccessDeniedException.class, org.tonkla.platform.Refused.class);
            assertThatThrownBy(() -> assessments.markPlanDone(id, "1.1.1", chiangMai))
                    .isInstanceOfAny(AccessDeniedException.class, org.tonkla.platform.Refused.class);
        } finally {
            jdbc.sql("UPDATE center_assessment SET age_groups = 'THREE_TO_SIX' WHERE id = ?").param(id).update();
        }
    }
}
