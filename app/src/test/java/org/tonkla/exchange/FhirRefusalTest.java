package org.tonkla.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.UUID;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.recordbook.RecordBookImports;
import org.tonkla.registry.ChildImports;

/**
 * A FHIR refusal says the same whether the child exists, is outside the caller's area or held by agencies without an
 * agreement: the reason would tell a partner the child exists and which agencies hold the record.
 */
class FhirRefusalTest extends IntegrationTest {

    private static final FhirContext R4 = FhirContext.forR4Cached();

    @Autowired
    ChildImports children;
    @Autowired
    RecordBookImports entries;

    @BeforeEach
    void fixture() {
        FhirFixture.make(children, entries);
    }

    private String diagnostics(String username, String path) {
        WebClientSession s = session();
        assertThat(s.login(username, "tonkla-demo")).isEqualTo("/");
        var r = s.get(path, "application/fhir+json");
        assertThat(r.statusCode()).as(username + " " + path).isEqualTo(403);
        return R4.newJsonParser().parseResource(OperationOutcome.class, r.body()).getIssueFirstRep().getDiagnostics();
    }

    @Test
    void noAgreementOtherAreaAndUnknownChildAnswerAlike() {
        String noAgreement = diagnostics("social.kk", "/fhir/Patient/" + FhirFixture.CHILD);
        String otherArea = diagnostics("officer.chiangmai", "/fhir/Patient/" + FhirFixture.CHILD);
        String unknown = diagnostics("officer.chiangmai", "/fhir/Patient/" + UUID.randomUUID());
        assertThat(noAgreement).isEqualTo(otherArea).isEqualTo(unknown).isEqualTo("outside your scope");
    }
}
