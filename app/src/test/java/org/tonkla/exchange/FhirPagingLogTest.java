package org.tonkla.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.demo.DemoUnits;
import org.tonkla.recordbook.RecordBookImports;
import org.tonkla.registry.ChildImports;

/** A FHIR search logs a read of the children it returns, not of every match; paging never overflows. */
class FhirPagingLogTest extends IntegrationTest {

    private static final FhirContext R4 = FhirContext.forR4Cached();

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

    private WebClientSession health() {
        var s = session();
        assertThat(s.login("health.kk", "tonkla-demo")).isEqualTo("/");
        return s;
    }

    @Test
    void onlyTheReturnedPageIsLoggedAsRead() {
        var health = health();
        int before = reads();
        var r = health.get("/fhir/Patient?organization=Organization/" + DemoUnits.KHON_KAEN_HEALTH_CENTER + "&_count=1",
                "application/fhir+json");
        Bundle page = R4.newJsonParser().parseResource(Bundle.class, r.body());
        assertThat(page.getTotal()).isGreaterThan(1);
        assertThat(page.getEntry()).hasSize(1);
        assertThat(reads()).isEqualTo(before + 1);
    }

    @Test
    void aHugeOffsetAnswersAnEmptyPageNotAServerError() {
        var r = health().get("/fhir/Patient?organization=Organization/" + DemoUnits.KHON_KAEN_HEALTH_CENTER
                + "&_offset=2147483647&_count=50", "application/fhir+json");
        assertThat(r.statusCode()).isEqualTo(200);
        Bundle page = R4.newJsonParser().parseResource(Bundle.class, r.body());
        assertThat(page.getEntry()).isEmpty();
        assertThat(page.getTotal()).isGreaterThan(1);
    }

    private int reads() {
        return jdbc.sql("SELECT count(*) FROM access_log WHERE username = 'health.kk' AND action = 'READ' AND purpose = 'care'")
                .query(Integer.class).single();
    }
}
