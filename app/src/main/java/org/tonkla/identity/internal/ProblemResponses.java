package org.tonkla.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's 401 and 403 as RFC 9457 problem+json. Written by hand because these answers are made
 * by security filters, before any controller or exception handler runs.
 */
final class ProblemResponses {

    private ProblemResponses() {}

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            // RFC 6750 §3.1: a token that was sent and refused (expired, forged, its account disabled: invalid_token) or
            // an Authorization header that cannot be read (invalid_request) is named, so a client knows to fetch a new
            // token rather than that it forgot to send one.
            response.setHeader("WWW-Authenticate",
                    e instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException o
                            ? "Bearer error=\"" + o.getError().getErrorCode() + "\"" : "Bearer");
            write(request, response, HttpStatus.UNAUTHORIZED, e instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException
                    ? "The bearer token was refused (expired, revoked or not valid): get a new one from /oauth2/token."
                    : "Sign in, or send an OAuth2 bearer token (see the README for the client-credentials flow).");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(request, response, HttpStatus.FORBIDDEN,
                "This resource is outside your scope or role.");
    }

    /** 429 with {@code Retry-After}: an API client or address that failed too often must wait. */
    static void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long seconds)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(seconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed attempts: try again in " + seconds + " s.");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String body = """
                {"type":"about:blank","title":"%s","status":%d,"detail":"%s","instance":"%s"}"""
                .formatted(status.getReasonPhrase(), status.value(), detail, escape(request.getRequestURI()));
        response.getWriter().write(body);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
