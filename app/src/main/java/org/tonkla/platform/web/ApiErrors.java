package org.tonkla.platform.web;

import org.springframework.http.HttpStatus;
import org.tonkla.platform.DomainProblem;
import org.tonkla.platform.InvalidInput;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as RFC 9457 problem+json. Validation errors list each bad field with what was
 * expected, so a client can show them next to its inputs.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.getName() + ": expected " + (e.getRequiredType() == null ? "another value" : e.getRequiredType().getSimpleName())
                        + ", got '" + e.getValue() + "'");
        problem.setProperty("field", e.getName());
        problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", e.getName(), "expected",
                e.getRequiredType() == null ? "another value" : e.getRequiredType().getSimpleName())));
        return problem;
    }

    @ExceptionHandler(java.util.NoSuchElementException.class)
    ProblemDetail notFound(java.util.NoSuchElementException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such resource");
    }

    /**
     * Tonkla's own failures, each with its status. An {@code IllegalArgumentException} is not mapped: it is
     * a bug, and answers 500 rather than passing its message to the client as if it were about the input.
     */
    @ExceptionHandler(DomainProblem.class)
    ProblemDetail domain(DomainProblem e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
        problem.setProperty("code", e.messageKey()); // stable, e.g. agreement.refused, error.conflict.changed
        if (e instanceof InvalidInput invalid) {
            problem.setProperty("errors", invalid.errors().stream()
                    .map(f -> java.util.Map.of("field", f.field(), "expected", f.expected())).toList());
        }
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    /**
     * A constraint of the database (a unique index, a check) caught what Java did not: someone else wrote the
     * same thing a moment earlier. The database's message names the key's value (a G-code, an ID hash), so it
     * is neither answered nor logged.
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ProblemDetail constraint(org.springframework.dao.DataIntegrityViolationException e) {
        String state = e.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
        org.slf4j.LoggerFactory.getLogger(ApiErrors.class).info("Refused by the database ({})", state);
        if (PageErrors.isBadText(state)) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "body: expected text without control characters such as NUL");
            problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", "body",
                    "expected", "text without control characters such as NUL")));
            return problem;
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This conflicts with data stored a moment ago (for example the same entry saved twice); reload and try again");
    }

    /** Unreadable JSON names the field it stumbled on and the type it expected there. */
    @Override
    protected org.springframework.http.ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException e, org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
        String field = "body";
        String expected = "a JSON object";
        if (e.getCause() instanceof tools.jackson.databind.DatabindException bad && !bad.getPath().isEmpty()) {
            field = bad.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()))
                    .collect(java.util.stream.Collectors.joining("."));
            expected = bad instanceof tools.jackson.databind.exc.MismatchedInputException mismatch
                    && mismatch.getTargetType() != null ? "a value of type " + mismatch.getTargetType().getSimpleName()
                    : "a valid value";
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": expected " + expected);
        problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", field, "expected", expected)));
        return org.springframework.http.ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected org.springframework.http.ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are invalid");
        problem.setProperty("errors", e.getBindingResult().getFieldErrors().stream()
                .map(f -> java.util.Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()),
                        "rejected", String.valueOf(f.getRejectedValue())))
                .toList());
        return org.springframework.http.ResponseEntity.badRequest().body(problem);
    }
}
