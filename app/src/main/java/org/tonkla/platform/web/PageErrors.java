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

    @ExceptionHandler(DomainProblem.class)
    ModelAndView domain(DomainProblem e, HttpServletResponse response) {
        response.setStatus(e.status());
        var page = new ModelAndView("error");
        page.setStatus(org.springframework.http.HttpStatusCode.valueOf(e.status()));
        page.addObject("status", e.status());
        page.addObject("messageKey", e.messageKey());
        return page;
    }
}
