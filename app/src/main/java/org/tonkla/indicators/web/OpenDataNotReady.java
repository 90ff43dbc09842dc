package org.tonkla.indicators.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.tonkla.indicators.OpenData;

/**
 * While the first release after a start is being built, open-data requests are told to come back (503 with
 * Retry-After, which harvesters honour) instead of holding a connection for minutes.
 */
@ControllerAdvice(assignableTypes = {OpenDataController.class, OpenDataCkan.class, OpenDataCatalog.class})
class OpenDataNotReady {

    /** Seconds a client is asked to wait before trying again. */
    static final int RETRY_AFTER = 120;

    private final MessageSource messages;

    OpenDataNotReady(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(OpenData.NotReady.class)
    ResponseEntity<?> notReady(Locale locale, jakarta.servlet.http.HttpServletRequest request) {
        String message = messages.getMessage("indicators.open.building", new Object[] {RETRY_AFTER / 60}, locale);
        var answer = ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER));
        if (request.getRequestURI().contains("/open-data/api/")) {
            // CKAN's error shape, so a harvester reads it as an answer and retries.
            return answer.contentType(MediaType.APPLICATION_JSON).body(java.util.Map.of("success", false,
                    "error", java.util.Map.of("__type", "Service Unavailable", "message", message)));
        }
        return answer.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(message);
    }
}
