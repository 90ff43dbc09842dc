package org.tonkla.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Issue 14 §7: the FHIR resources Tonkla serves are validated with HAPI's {@link FhirInstanceValidator} against base
 * R4 (the core structure definitions and value sets, checked in memory, plus the common code systems HAPI knows:
 * UCUM, languages, countries, currencies). No ERROR or FATAL message is allowed; warnings are printed, because some
 * are expected (Thai and Tonkla code systems that no terminology here knows cannot be checked, only reported).
 */
final class R4Validation {

    private R4Validation() {}

    static final FhirContext R4 = FhirContext.forR4Cached();

    /** One per test JVM: loading the R4 structure definitions and building the validator takes seconds. */
    private static final FhirValidator VALIDATOR = build();

    private static FhirValidator build() {
        var chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(R4),
                new InMemoryTerminologyServerValidationSupport(R4),
                new CommonCodeSystemsTerminologyService(R4));
        var validator = R4.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
        return validator;
    }

    static ValidationResult validate(IBaseResource resource) {
        synchronized (VALIDATOR) { // the validator's caches are shared; tests of one JVM may run in parallel
            return VALIDATOR.validateWithResult(resource);
        }
    }

    /** Asserts no ERROR or FATAL message; prints the warnings so a reader sees what the validator could not check. */
    static void assertValid(IBaseResource resource) {
        List<SingleValidationMessage> messages = validate(resource).getMessages();
        messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING)
                .forEach(m -> System.out.println("FHIR validation warning, " + resource.fhirType() + " "
                        + m.getLocationString() + ": " + m.getMessage()));
        var problems = messages.stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage()).toList();
        assertThat(problems).as("FhirInstanceValidator (base R4) on %s", resource.fhirType()).isEmpty();
    }
}
