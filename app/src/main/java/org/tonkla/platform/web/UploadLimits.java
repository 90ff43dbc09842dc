package org.tonkla.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over {@code spring.servlet.multipart.max-*}, a multipart body that cannot be read, or parameters that
 * cannot be decoded fail before any controller is chosen, so no controller's advice sees it: 413 or 400 as problem+json under
 * {@code /api/}, the Thai error page elsewhere.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimits {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        return answer(request, HttpStatus.CONTENT_TOO_LARGE);
    }

    @ExceptionHandler(MultipartException.class)
    Object unreadable(HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST);
    }

    /**
     * Parameters Tomcat cannot decode ({@code ?q=%ff}, more than its parameter count): 400, quietly. Unhandled, each
     * such request logged a stack trace of some 140 lines at ERROR, so anyone could fill the log (a review's finding).
     */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    Object undecodable(HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST);
    }

    private static Object answer(HttpServletRequest request, HttpStatus status) {
        if (ErrorResponses.wantsProblem(request, request.getRequestURI())) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ErrorResponses.problem(status, request.getRequestURI()));
        }
        var page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        return page;
    }
}
