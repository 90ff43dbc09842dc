package org.tonkla.identity.web;

import java.util.Locale;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;
import org.tonkla.identity.OrgUnitDirectory;
import org.tonkla.identity.Users;

/** Puts the signed-in user and a readable scope into every page's model, for the header. */
@ControllerAdvice
class CurrentUserAdvice {

    private final Users users;
    private final OrgUnitDirectory directory;

    CurrentUserAdvice(Users users, OrgUnitDirectory directory) {
        this.users = users;
        this.directory = directory;
    }

    @ModelAttribute
    void currentUser(Model model, Locale locale, jakarta.servlet.http.HttpServletRequest request) {
        // A JSON answer renders no header: the scope's name would cost a query per API call for nothing.
        if (request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)
                instanceof org.springframework.web.method.HandlerMethod handler && writesBody(handler)) {
            return;
        }
        users.current().ifPresent(user -> {
            model.addAttribute("currentUser", user);
            model.addAttribute("currentScope", directory.describe(user.scope().unit(), locale));
        });
    }

    private static boolean writesBody(org.springframework.web.method.HandlerMethod handler) {
        return handler.hasMethodAnnotation(org.springframework.web.bind.annotation.ResponseBody.class)
                || org.springframework.core.annotation.AnnotatedElementUtils.hasAnnotation(handler.getBeanType(),
                        org.springframework.web.bind.annotation.ResponseBody.class);
    }
}
