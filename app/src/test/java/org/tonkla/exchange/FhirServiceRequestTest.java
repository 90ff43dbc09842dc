package org.tonkla.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.demo.DemoUnits;

/**
 * Referrals as FHIR ServiceRequest (issue 14 point 3): read and search by patient, valid base R4, the parties of the
 * referral only (through the referral module's own checks), every read in the family's access log, and stated in the
 * CapabilityStatement.
 */
class FhirServiceRequestTest extends IntegrationTest {

    private static final FhirContext R4 = FhirContext.forR4Cached();
    /** มะลิ, the demo child of the Khon Kaen center. */
    private static final UUID MALI = UUID.fromString("0192f0a0-0000-7000-8000-0000000000c1");
    private static final UUID REFERRAL = UUID.nameUUIDFromBytes("fhir-service-request-test".getBytes());

    @Autowired JdbcClient jdbc;

    @BeforeEach
    void referral() {
        jdbc.sql("""
                INSERT INTO referral (id, child_id, province_code, child_name, child_birth_date, need_type, reason, from_unit,
                    to_unit, to_area_code, to_agencies, status, revision, created_by, created_by_name, created_at, updated_at,
                    due_on, legal_basis)
                VALUES (?, ?, '40', 'มะลิ ใจดี', DATE '2023-01-01', 'developmental-delay', 'ทดสอบ FHIR', ?, ?, '4001',
                    ARRAY['OPS-MOPH','MOPH'], 'CREATED', 0, ?, 'fhir-test', now(), now(), DATE '2999-01-01', 'HEALTH_SERVICE')
                ON CONFLICT (id) DO NOTHING""")
                .params(REFERRAL, MALI, DemoUnits.KHON_KAEN_CENTER, DemoUnits.KHON_KAEN_HEALTH_CENTER, UUID.randomUUID()).update();
    }

    private WebClientSession as(String username) {
        var s = session();
        assertThat(s.login(username, "tonkla-demo")).isEqualTo("/");
        return s;
    }

    private static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T read(HttpResponse<String> r, Class<T> type) {
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+json");
        T resource = R4.newJsonParser().parseResource(type, r.body());
        FhirApiTest.assertValidR4(resource);
        return resource;
    }

    @Test
    void bothUnitsReadTheReferralAsAValidServiceRequest() {
        for (String user : new String[] {"health.kk", "teacher.kk"}) {
            ServiceRequest s = read(as(user).get("/fhir/ServiceRequest/" + REFERRAL, "application/fhir+json"), ServiceRequest.class);
            assertThat(s.getIdElement().getIdPart()).isEqualTo(REFERRAL.toString());
            assertThat(s.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
            assertThat(s.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.ORDER);
            assertThat(s.getSubject().getReference()).isEqualTo("Patient/" + MALI);
            assertThat(s.getRequester().getReference()).isEqualTo("Organization/" + DemoUnits.KHON_KAEN_CENTER);
            assertThat(s.getPerformerFirstRep().getReference()).isEqualTo("Organization/" + DemoUnits.KHON_KAEN_HEALTH_CENTER);
            assertThat(s.getCode().getCodingFirstRep().getCode()).isEqualTo("developmental-delay");
            assertThat(s.getReasonCodeFirstRep().getText()).isEqualTo("ทดสอบ FHIR");
        }
        Bundle found = read(as("health.kk").get("/fhir/ServiceRequest?patient=Patient/" + MALI, "application/fhir+json"),
                Bundle.class);
        assertThat(found.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).contains(REFERRAL.toString());
    }

    @Test
    void othersGetNoReferral() {
        var chiangmai = as("officer.chiangmai");
        var search = chiangmai.get("/fhir/ServiceRequest?patient=Patient/" + MALI, "application/fhir+json");
        assertThat(search.statusCode()).isEqualTo(403);
        assertThat(read(search, OperationOutcome.class).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
        var one = chiangmai.get("/fhir/ServiceRequest/" + REFERRAL, "application/fhir+json");
        assertThat(one.statusCode()).isEqualTo(404);
        assertThat(one.body()).doesNotContain("ทดสอบ FHIR");
    }

    /** README: every read of a child's resource over FHIR is in the family's access log, ServiceRequest included. */
    @Test
    void aServiceRequestReadIsLoggedWithTheCarePurpose() {
        var health = as("health.kk");
        int before = careReads();
        assertThat(health.get("/fhir/ServiceRequest/" + REFERRAL, "application/fhir+json").statusCode()).isEqualTo(200);
        assertThat(careReads()).isEqualTo(before + 1);
    }

    private int careReads() {
        return jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND username = 'health.kk' AND action = 'READ' AND purpose = 'care'")
                .param(MALI).query(Integer.class).single();
    }

    @Test
    void theCapabilityStatementStatesServiceRequest() {
        CapabilityStatement cs = read(as("health.kk").get("/fhir/metadata", "application/fhir+json"), CapabilityStatement.class);
        assertThat(cs.getRestFirstRep().getResource()).filteredOn(r -> r.getType().equals("ServiceRequest"))
                .singleElement().satisfies(r -> assertThat(r.getSearchParam()).extracting(p -> p.getName()).containsExactly("patient"));
    }
}
