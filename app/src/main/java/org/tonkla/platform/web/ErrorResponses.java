package org.tonkla.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that no controller answered itself, e.g. an over-size upload (413), a failure in a
 * filter, or a status set by the servlet container: problem+json under {@code /api/} (and for
 * clients that ask only for JSON), the Thai error page elsewhere. Replaces Spring Boot's
 * {@code BasicErrorController}, whose JSON is not RFC 9457 and whose messages could leak internals.
 */
@Controller
class ErrorResponses implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path == null) path = request.getRequestURI();
        if (wantsProblem(request, path)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(status, path));
        }
        var page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        return page;
    }

    static ProblemDetail problem(HttpStatus status, String path) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail(status));
        problem.setInstance(URI.create(safePath(path)));
        return problem;
    }

    static boolean wantsProblem(HttpServletRequest request, String path) {
        if (path != null && (path.startsWith(request.getContextPath() + "/api/") || path.equals(request.getContextPath() + "/api"))) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && !accept.contains("text/html") && (accept.contains("json"));
    }

    static String detail(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "The request could not be read: check the URL, the headers and the body.";
            case 401 -> "Sign in, or send an OAuth2 bearer token.";
            case 403 -> "This resource is outside your scope or role.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 413 -> "The request is larger than Tonkla accepts (a file of at most 20 MB, 50 MB in all).";
            case 415 -> "This content type is not accepted here.";
            case 429 -> "Too many requests: wait a little and try again.";
            default -> status.is5xxServerError() ? "Something went wrong on the server; nothing was saved half-way."
                    : status.getReasonPhrase();
        };
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly (no error being forwarded): there is no such page.
        if (code == null) return HttpStatus.NOT_FOUND;
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String safePath(String path) {
        try {
            return URI.create(path).getRawPath();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
