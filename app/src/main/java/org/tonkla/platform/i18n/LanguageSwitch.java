package org.tonkla.platform.i18n;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.tonkla.platform.LanguageChosen;
import org.tonkla.platform.ThaiDates;

/** Handles {@code ?lang=th|en}: sets the cookie and tells the other modules who chose what. */
class LanguageSwitch implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String lang = request.getParameter("lang");
        if (lang == null || !(lang.equals("th") || lang.equals("en"))) return true;
        Locale locale = lang.equals("th") ? ThaiDates.THAI : Locale.ENGLISH;
        var resolver = RequestContextUtils.getLocaleResolver(request);
        if (resolver != null) resolver.setLocale(request, response, locale);
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            var context = WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext());
            context.publishEvent(new LanguageChosen(auth.getName(), lang));
        }
        return true;
    }
}
