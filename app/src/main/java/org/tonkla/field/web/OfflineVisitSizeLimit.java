package org.tonkla.field.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An offline visit is JSON with its photo inside (base64): refused before it is read when larger than one photo at the
 * attachment limit can make it, so a huge body is never parsed (the JSON reader would hold it all, then decode it).
 */
@Component
class OfflineVisitSizeLimit extends OncePerRequestFilter {

    /** 8 MB of photo as base64 (4/3) and the visit's answers. */
    static final long MAX_BYTES = 12L * 1024 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !"/field/visits".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length < 0 || length > MAX_BYTES) { // the page's fetch always says how long its body is
            response.setStatus(length < 0 ? 411 : 413);
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(("{\"message\":\"แบบบันทึกใหญ่เกิน 12 MB (the visit with its photo is over 12 MB)\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
