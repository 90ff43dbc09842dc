package org.tonkla.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.tonkla.platform.DomainProblem;

/**
 * A domain failure that a page did not handle itself (most pages re-show their form with the
 * field's message) becomes the Thai error page with its status and message, never a 500.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    /** As on the API: the constraint's message names the key's value, so it is not shown or logged. */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ModelAndView constraint(org.springframework.dao.DataIntegrityViolationException e, HttpServletResponse response) {
        String state = e.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
        if (isBadText(state)) return domain(new org.tonkla.platform.InvalidInput("body", "text without control characters"), response);
        return domain(new org.tonkla.platform.Conflict("error.409", "conflict with stored data"), response);
    }

    /**
     * A path whose id is not an id ({@code /children/not-a-child}) or names nothing (a unit that does not exist):
     * the page is not there (issue 10 §8), rather than a 500.
     */
    @ExceptionHandler(java.util.NoSuchElementException.class)
    ModelAndView noSuchPage(Exception e, HttpServletResponse response) {
        return domain(new org.tonkla.platform.NotFound("page"), response);
    }

    /**
     * A path segment that is not an id names no page (404); a query parameter that is not what the page takes
     * ({@code ?year=99999999999}) is a bad request (400), as on the API.
     */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e,
            HttpServletResponse response) {
        if (!e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class)) {
            return noSuchPage(e, response);
        }
        Class<?> type = e.getRequiredType();
        String expected = type == Integer.class || type == int.class || type == Long.class || type == long.class
                ? "a whole number" : type == java.util.UUID.class ? "an id" : type == null ? "another value" : type.getSimpleName();
        return domain(new org.tonkla.platform.InvalidInput(e.getName(), expected), response);
    }

    /** PostgreSQL's data exceptions for text it cannot store (a NUL character, an invalid byte sequence). */
    static boolean isBadText(String sqlState) {
        return "22021".equals(sqlState) || "22P05".equals(sqlState);
    }

    @ExceptionHandler(DomainProblem.class)
    ModelAndView domain(DomainProblem e, HttpServletResponse response, jakarta.servlet.http.HttpServletRequest request) {
        var page = domain(e, response);
        // A child's record refused: offer the emergency opening (reviewed, logged) rather than a dead end.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (e.status() == 403 && "GET".equals(request.getMethod())
                && path.matches("/children/[0-9a-fA-F-]{36}(/print)?")) {
            page.addObject("emergencyPath", path.replace("/print", "") + "/emergency");
        }
        return page;
    }

    private ModelAndView domain(DomainProblem e, HttpServletResponse response) {
        response.setStatus(e.status());
        var page = new ModelAndView("error");
        page.setStatus(org.springframework.http.HttpStatusCode.valueOf(e.status()));
        page.addObject("status", e.status());
        page.addObject("messageKey", e instanceof org.tonkla.platform.InvalidInput bad ? bad.pageMessageKey() : e.messageKey());
        // A bad request names the field and what was expected there (in English, as the API says it), so the person
        // who typed the address can put it right.
        if (e instanceof org.tonkla.platform.InvalidInput bad) page.addObject("fieldErrors", bad.errors());
        return page;
    }
}
