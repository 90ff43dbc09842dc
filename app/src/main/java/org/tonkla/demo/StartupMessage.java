package org.tonkla.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who typed {@code ./tonkla start} where Tonkla is and how to sign in. */
@Component
class StartupMessage {

    private final boolean demo;

    StartupMessage(@Value("${tonkla.demo.enabled:true}") boolean demo) {
        this.demo = demo;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) return;
        int port = web.getWebServer().getPort();
        var out = new StringBuilder("\n  ต้นกล้า Tonkla is running: http://localhost:" + port + "/\n");
        if (demo) {
            out.append("  Demo logins (password ").append(DemoData.PASSWORD).append("):\n");
            for (var login : DemoData.LOGINS) {
                out.append(String.format("    %-18s %s%n", login.username(), login.role()));
            }
            out.append("  API client: ").append(DemoData.API_CLIENT).append(" / ").append(DemoData.API_SECRET).append('\n');
        }
        out.append("  Stop with Ctrl-C.\n");
        System.out.println(out);
    }
}
