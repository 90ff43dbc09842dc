package org.tonkla.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Tomcat's own error pages (English HTML with the server's name) for what never reaches Spring, e.g.
 * a request Tomcat rejects before any servlet runs: problem+json under {@code /api/}, a short Thai
 * page elsewhere. Errors that do reach Spring are answered by {@link ErrorResponses}.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) host.setErrorReportValveClass(ProblemReportValve.class.getName());
        });
    }

    /** Tomcat's error report, as problem+json or a plain Thai page; never a stack trace or server version. */
    public static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0) return;
            var ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) return;
            HttpStatus status = HttpStatus.resolve(code);
            if (status == null) status = HttpStatus.INTERNAL_SERVER_ERROR;
            String uri = request.getRequestURI(); // as sent: a malformed one cannot be decoded
            boolean api = uri != null && uri.startsWith("/api/");
            try {
                response.setContentType(api ? "application/problem+json" : "text/html");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer == null) return;
                writer.write(api ? json(status) : html(status));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client is gone; nothing to tell it
            }
        }

        private static String json(HttpStatus status) {
            return """
                    {"type":"about:blank","title":"%s","status":%d,"detail":"%s"}"""
                    .formatted(status.getReasonPhrase(), status.value(), ErrorResponses.detail(status));
        }

        private static String html(HttpStatus status) {
            String thai = switch (status.value()) {
                case 400 -> "คำขอไม่ถูกต้อง";
                case 404 -> "ไม่พบหน้าหรือข้อมูลที่ต้องการ";
                case 413 -> "ไฟล์หรือข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด";
                default -> "เกิดข้อผิดพลาด กรุณาลองใหม่อีกครั้ง";
            };
            return "<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\"><title>ต้นกล้า · เกิดข้อผิดพลาด</title>"
                    + "</head><body><h1>เกิดข้อผิดพลาด</h1><p role=\"alert\">" + thai + "</p><p>" + status.value()
                    + "</p><p><a href=\"/\">กลับหน้าแรก</a></p></body></html>";
        }
    }
}
