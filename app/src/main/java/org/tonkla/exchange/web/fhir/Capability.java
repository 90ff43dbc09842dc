package org.tonkla.exchange.web.fhir;

import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * What {@link FhirApi} serves, at {@code /fhir/metadata}: the resources, their search parameters and the
 * identifier and code systems used ({@link FhirSystems}), stated in each resource's documentation.
 */
final class Capability {

    private Capability() {}

    static CapabilityStatement statement() {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setDate(new Date());
        cs.setPublisher("Tonkla");
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.getSoftware().setName("Tonkla");
        cs.getImplementation().setDescription("Tonkla early-childhood registry: FHIR R4 read and search for partner systems");
        cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        cs.addFormat("application/fhir+json");
        var rest = cs.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setDescription("Signed in as for /api/v1: a browser session or a bearer token from "
                + "/oauth2/token (client credentials). Children's data only within the caller's scope and agreements, "
                + "purpose care; every read is in the family's access log. Outside: OperationOutcome 403.");
        rest.setDocumentation("Paging: _count (1-" + FhirResponses.MAX_COUNT + ", default " + FhirResponses.DEFAULT_COUNT
                + ") and _offset; Bundle links self/next/previous. Changes since a cursor: GET /api/v1/changes.");
        resource(rest.addResource(), "Patient", "Identifiers: national ID " + FhirSystems.NATIONAL_ID + " (roles that see it "
                + "in full), G-code " + FhirSystems.G_CODE + ". Search needs identifier or organization (guardians: neither).",
                List.of("identifier|token", "organization|reference", "birthdate|date", "_lastUpdated|date"));
        resource(rest.addResource(), "RelatedPerson", "The child's guardians; relationship coded with " + FhirSystems.ROLE_CODE,
                List.of("patient|reference"));
        resource(rest.addResource(), "Observation", "Growth: LOINC 29463-7 weight, 8306-3 length (lying), 8302-2 height, "
                + "9843-4 head circumference, WHO z-scores as components (" + FhirSystems.WHO_ZSCORE + "). DSPM screening: "
                + "value and per-domain components in " + FhirSystems.SPECIAL_PP,
                List.of("patient|reference", "subject|reference", "code|token"));
        resource(rest.addResource(), "Immunization", "vaccineCode in " + FhirSystems.VACCINE + " (THCC 198)",
                List.of("patient|reference"));
        resource(rest.addResource(), "ServiceRequest", "Referrals the caller's unit is party to: subject the child, "
                + "requester the referring unit, performer the receiving unit, code the need (" + FhirSystems.REFERRAL_NEED + ")",
                List.of("patient|reference"));
        resource(rest.addResource(), "Organization", "Service units; health units with HOSPCODE " + FhirSystems.HOSPCODE,
                List.of("identifier|token", "name|string"));
        resource(rest.addResource(), "Location", "Administrative areas; identifier " + FhirSystems.AREA,
                List.of("partof|reference"));
        return cs;
    }

    private static void resource(CapabilityStatementRestResourceComponent r, String type, String documentation,
            List<String> params) {
        r.setType(type).setDocumentation(documentation);
        r.addInteraction().setCode(TypeRestfulInteraction.READ);
        r.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        for (String p : params) {
            String[] nt = p.split("\\|");
            r.addSearchParam().setName(nt[0]).setType(Enumerations.SearchParamType.fromCode(nt[1]));
        }
    }
}
