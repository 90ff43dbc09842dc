package org.tonkla.exchange.web.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tonkla.platform.DomainProblem;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Refused;

/**
 * Failures of the FHIR API as OperationOutcome (FHIR clients read no problem+json): 403 forbidden for a child
 * outside the caller's scope or agreements (the same answer whether the child exists or not), 404 not-found,
 * 400 invalid. The message says which rule, never anything of the child.
 */
@RestControllerAdvice(assignableTypes = FhirApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FhirErrors {

    @ExceptionHandler(DomainProblem.class)
    ResponseEntity<String> domain(DomainProblem e) {
        IssueType type = switch (e) {
            case Refused r -> IssueType.FORBIDDEN;
            case NotFound n -> IssueType.NOTFOUND;
            case InvalidInput i -> IssueType.INVALID;
            default -> e.status() == 429 ? IssueType.THROTTLED : IssueType.CONFLICT;
        };
        String detail = e instanceof InvalidInput invalid
                ? invalid.errors().stream().map(f -> f.field() + ": " + f.expected()).reduce((a, b) -> a + "; " + b).orElse(e.getMessage())
                : e.getMessage();
        return FhirResponses.of(e.status(), FhirResponses.outcome(type, detail));
    }

    @ExceptionHandler(AuthenticationCredentialsNotFoundException.class)
    ResponseEntity<String> anonymous(AuthenticationCredentialsNotFoundException e) {
        return FhirResponses.of(401, FhirResponses.outcome(IssueType.LOGIN, "sign in or send a bearer token"));
    }
}
