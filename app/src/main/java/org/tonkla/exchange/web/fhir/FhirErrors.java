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

    static final String OUTSIDE_SCOPE = "outside your scope";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FhirErrors.class);

    @ExceptionHandler(DomainProblem.class)
    ResponseEntity<String> domain(DomainProblem e) {
        if (e instanceof NotFound && "No such child".equals(e.getMessage())) {
            // An unknown child answers as one out of reach does: a partner cannot probe which ids exist.
            return FhirResponses.of(403, FhirResponses.outcome(IssueType.FORBIDDEN, OUTSIDE_SCOPE));
        }
        IssueType type = switch (e) {
            case Refused r -> IssueType.FORBIDDEN;
            case NotFound n -> IssueType.NOTFOUND;
            case InvalidInput i -> IssueType.INVALID;
            default -> e.status() == 429 ? IssueType.THROTTLED : IssueType.CONFLICT;
        };
        String detail = e instanceof InvalidInput invalid
                ? invalid.errors().stream().map(f -> f.field() + ": " + f.expected()).reduce((a, b) -> a + "; " + b).orElse(e.getMessage())
                : e.getMessage();
        if (e instanceof Refused) {
            // Which rule refused (scope, or which agencies lack an agreement) tells a partner the child exists and
            // where; the partner gets one answer for all, the reason stays in the server's log (it names no child).
            LOG.info("FHIR request refused: {}", e.getMessage());
            detail = OUTSIDE_SCOPE;
        }
        return FhirResponses.of(e.status(), FhirResponses.outcome(type, detail));
    }

    @ExceptionHandler(AuthenticationCredentialsNotFoundException.class)
    ResponseEntity<String> anonymous(AuthenticationCredentialsNotFoundException e) {
        return FhirResponses.of(401, FhirResponses.outcome(IssueType.LOGIN, "sign in or send a bearer token"));
    }
}
