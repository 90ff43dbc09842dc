package org.tonkla.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.demo.DemoUnits;
import org.tonkla.recordbook.RecordBookImports;
import org.tonkla.registry.ChildImports;

/**
 * The FHIR R4 API (issue 14 point 3): every resource served is valid base R4 (checked with HAPI's
 * FhirInstanceValidator, issue 14 §7), search by identifier finds the child, what is coded uses the stated systems (LOINC
 * for growth, THCC 198 for vaccines, SPECIALPP for DSPM, HOSPCODE for units), an officer of another province
 * gets an OperationOutcome and never data, and every read is in the family's access log.
 */
class FhirApiTest extends IntegrationTest {

    private static final FhirContext R4 = FhirContext.forR4Cached();
    private static final String NATIONAL_ID_SYSTEM = "https://terms.sil-th.org/id/th-cid";

    @Autowired
    ChildImports children;
    @Autowired
    RecordBookImports entries;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void fixture() {
        FhirFixture.make(children, entries);
    }

    private WebClientSession as(String username) {
        var s = session();
        assertThat(s.login(username, "tonkla-demo")).isEqualTo("/");
        return s;
    }

    private static <T extends IBaseResource> T read(HttpResponse<String> r, Class<T> type) {
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+json");
        T resource = R4.newJsonParser().parseResource(type, r.body());
        assertValidR4(resource);
        return resource;
    }

    /** No error or fatal message from HAPI's FhirInstanceValidator against base R4. */
    static void assertValidR4(IBaseResource resource) {
        R4Validation.assertValid(resource);
    }

    @Test
    void theValidatorCatchesAnInvalidResource() {
        // The check above can fail: an Observation without its required status and code is refused, so is a
        // Patient contact with no name, telecom, address or organization (R4 invariant pat-1), and so is a
        // quantity whose UCUM unit does not exist.
        assertThat(R4Validation.validate(new Observation()).isSuccessful()).isFalse();
        var patient = new Patient();
        patient.addContact().addRelationship().setText("มารดา");
        assertThat(R4Validation.validate(patient).getMessages()).as("pat-1")
                .anySatisfy(m -> assertThat(m.getMessage()).contains("pat-1"));
        var coded = new Observation();
        coded.setStatus(Observation.ObservationStatus.FINAL);
        coded.getCode().addCoding().setSystem("http://loinc.org").setCode("29463-7");
        coded.getValueQuantity().setValue(11.8).setSystem("http://unitsofmeasure.org").setCode("kilogram");
        assertThat(R4Validation.validate(coded).getMessages()).as("an invalid UCUM unit")
                .anySatisfy(m -> assertThat(m.getSeverity()).isIn(ResultSeverityEnum.ERROR, ResultSeverityEnum.FATAL));
    }

    @Test
    void patientReadAndSearchByNationalId() {
        var health = as("health.kk");
        Patient p = read(health.get("/fhir/Patient/" + FhirFixture.CHILD, "application/fhir+json"), Patient.class);
        assertThat(p.getIdElement().getIdPart()).isEqualTo(FhirFixture.CHILD.toString());
        assertThat(p.getIdentifier()).anySatisfy(i -> {
            assertThat(i.getSystem()).isEqualTo(NATIONAL_ID_SYSTEM);
            assertThat(i.getValue()).isEqualTo(FhirFixture.NATIONAL_ID);
        });
        assertThat(p.getBirthDateElement().getValueAsString()).hasSize(10);
        assertThat(p.getManagingOrganization().getReference()).isEqualTo("Organization/" + DemoUnits.KHON_KAEN_HEALTH_CENTER);
        assertThat(p.getMeta().getLastUpdated()).as("from the change feed").isNotNull();

        String q = URLEncoder.encode(NATIONAL_ID_SYSTEM + "|" + FhirFixture.NATIONAL_ID, StandardCharsets.UTF_8);
        Bundle found = read(health.get("/fhir/Patient?identifier=" + q, "application/fhir+json"), Bundle.class);
        assertThat(found.getTotal()).isEqualTo(1);
        assertThat(found.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo(FhirFixture.CHILD.toString());

        Bundle none = read(health.get("/fhir/Patient?identifier=" + q + "&birthdate=lt2000-01-01", "application/fhir+json"),
                Bundle.class);
        assertThat(none.getTotal()).as("birthdate narrows the search").isZero();
    }

    @Test
    void patientsOfAUnitArePaged() {
        var health = as("health.kk");
        Bundle page = read(health.get("/fhir/Patient?organization=Organization/" + DemoUnits.KHON_KAEN_HEALTH_CENTER
                + "&_count=2", "application/fhir+json"), Bundle.class);
        assertThat(page.getEntry()).hasSize(2);
        assertThat(page.getTotal()).isGreaterThan(2);
        String next = page.getLink("next").getUrl();
        Bundle second = read(health.get(next.substring(next.indexOf("/fhir/")), "application/fhir+json"), Bundle.class);
        assertThat(second.getEntryFirstRep().getResource().getIdElement().getIdPart())
                .isNotEqualTo(page.getEntryFirstRep().getResource().getIdElement().getIdPart());
    }

    @Test
    void growthScreeningVaccinesAndGuardianAreCoded() {
        var health = as("health.kk");
        Bundle obs = read(health.get("/fhir/Observation?patient=Patient/" + FhirFixture.CHILD, "application/fhir+json"),
                Bundle.class);
        List<Observation> all = obs.getEntry().stream().map(e -> (Observation) e.getResource()).toList();
        assertThat(all).extracting(o -> o.getCode().getCodingFirstRep().getCode())
                .contains("29463-7", "8302-2");
        Observation weight = all.stream().filter(o -> "29463-7".equals(o.getCode().getCodingFirstRep().getCode())).findFirst().orElseThrow();
        assertThat(weight.getValueQuantity().getValue().doubleValue()).isEqualTo(11.8);
        assertThat(weight.getValueQuantity().getCode()).isEqualTo("kg");
        assertThat(weight.getComponent()).as("WHO z-scores").isNotEmpty();
        Observation dspm = all.stream().filter(o -> o.getIdElement().getIdPart().equals(FhirFixture.SCREENING.toString()))
                .findFirst().orElseThrow();
        assertThat(dspm.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("1B261");
        assertThat(dspm.getComponent()).extracting(c -> c.getValueCodeableConcept().getCodingFirstRep().getCode())
                .contains("1B200", "1B221"); // GM normal, RL suspected delay (THAI-RULES §2.1)

        Observation one = read(health.get("/fhir/Observation/" + FhirFixture.MEASUREMENT + "-w", "application/fhir+json"),
                Observation.class);
        assertThat(one.getCode().getCodingFirstRep().getCode()).isEqualTo("29463-7");

        Bundle doses = read(health.get("/fhir/Immunization?patient=" + FhirFixture.CHILD, "application/fhir+json"), Bundle.class);
        Immunization bcg = (Immunization) doses.getEntryFirstRep().getResource();
        assertThat(bcg.getVaccineCode().getCodingFirstRep().getSystem())
                .isEqualTo("https://terms.sil-th.org/CodeSystem/cs-thcc-vaccine-code");
        assertThat(bcg.getVaccineCode().getCodingFirstRep().getCode()).isEqualTo("010");

        Bundle related = read(health.get("/fhir/RelatedPerson?patient=" + FhirFixture.CHILD, "application/fhir+json"), Bundle.class);
        RelatedPerson mother = (RelatedPerson) related.getEntryFirstRep().getResource();
        assertThat(mother.getRelationshipFirstRep().getCodingFirstRep().getCode()).isEqualTo("MTH");
    }

    @Test
    void unitsAndCapabilities() {
        var health = as("health.kk");
        Organization hc = read(health.get("/fhir/Organization/" + DemoUnits.KHON_KAEN_HEALTH_CENTER, "application/fhir+json"),
                Organization.class);
        assertThat(hc.getIdentifierFirstRep().getSystem()).isEqualTo("https://terms.sil-th.org/id/th-moph-hcode");
        assertThat(hc.getIdentifierFirstRep().getValue()).isEqualTo("99001");
        Bundle byCode = read(health.get("/fhir/Organization?identifier=https://terms.sil-th.org/id/th-moph-hcode%7C99001",
                "application/fhir+json"), Bundle.class);
        assertThat(byCode.getTotal()).isEqualTo(1);
        read(health.get("/fhir/Location/40", "application/fhir+json"), org.hl7.fhir.r4.model.Location.class);
        CapabilityStatement cs = read(health.get("/fhir/metadata", "application/fhir+json"), CapabilityStatement.class);
        assertThat(cs.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .contains("Patient", "Observation", "Immunization", "Organization", "Location", "RelatedPerson");
        assertThat(R4.newJsonParser().encodeResourceToString(cs)).contains(NATIONAL_ID_SYSTEM);
    }

    @Test
    void anOfficerOfAnotherProvinceGetsAnOperationOutcomeNeverData() {
        var chiangmai = as("officer.chiangmai");
        for (String path : List.of("/fhir/Patient/" + FhirFixture.CHILD, "/fhir/Observation?patient=" + FhirFixture.CHILD,
                "/fhir/Observation/" + FhirFixture.MEASUREMENT + "-w", "/fhir/Immunization/" + FhirFixture.DOSE,
                "/fhir/RelatedPerson?patient=" + FhirFixture.CHILD,
                "/fhir/Patient?organization=Organization/" + DemoUnits.KHON_KAEN_HEALTH_CENTER)) {
            var r = chiangmai.get(path, "application/fhir+json");
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            OperationOutcome outcome = read(r, OperationOutcome.class);
            assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
            assertThat(r.body()).doesNotContain(FhirFixture.GIVEN).doesNotContain(FhirFixture.NATIONAL_ID);
        }
        String q = URLEncoder.encode(NATIONAL_ID_SYSTEM + "|" + FhirFixture.NATIONAL_ID, StandardCharsets.UTF_8);
        var search = chiangmai.get("/fhir/Patient?identifier=" + q, "application/fhir+json");
        assertThat(read(search, Bundle.class).getTotal()).isZero();
        assertThat(search.body()).doesNotContain(FhirFixture.GIVEN);
    }

    @Test
    void everyReadIsInTheFamilysAccessLog() {
        var health = as("health.kk");
        int before = reads();
        health.get("/fhir/Patient/" + FhirFixture.CHILD, "application/fhir+json");
        health.get("/fhir/Immunization?patient=" + FhirFixture.CHILD, "application/fhir+json");
        assertThat(reads()).isEqualTo(before + 2);
    }

    private int reads() {
        return jdbc.sql("SELECT count(*) FROM access_log WHERE child_id = ? AND username = 'health.kk' AND action = 'READ' AND purpose = 'care'")
                .param(FhirFixture.CHILD.value()).query(Integer.class).single();
    }
}
