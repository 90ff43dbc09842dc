package org.tonkla.demo;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.tonkla.platform.DemoSwitch;
import org.tonkla.platform.TonklaProperties;

/**
 * Tells the person who typed {@code ./tonkla start} where Tonkla is and how to sign in. No password
 * or secret is printed: terminals are logged and shared; the demo's passwords are in the README.
 */
@Component
class StartupMessage {

    private final boolean demo;
    private final TonklaProperties properties;
    private final Environment env;

    StartupMessage(Environment env, TonklaProperties properties) {
        this.demo = DemoSwitch.enabled(env);
        this.properties = properties;
        this.env = env;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        String url = properties.publicUrl();
        if (url.endsWith(":0") && event.getApplicationContext() instanceof WebServerApplicationContext web) {
            url = "http://localhost:" + web.getWebServer().getPort(); // a free port was asked for
        }
        var out = new StringBuilder("\n  ต้นกล้า Tonkla is running: " + url + "/\n");
        String bind = env.getProperty("server.address");
        out.append("  Listening on ").append(bind == null || bind.isBlank() ? "every interface" : bind)
                .append(" (TONKLA_BIND)\n");
        if (demo) {
            out.append("  Demo logins: ");
            out.append(String.join(", ", DemoData.LOGINS.stream().map(DemoData.DemoLogin::username).toList()))
                    .append(", ").append(DemoField.SURVEYOR); // made with the demo campaign, not in the list above
            out.append("\n  Demo password: see README (Demo accounts).\n");
        } else {
            out.append("  No demo data (TONKLA_DEMO). First administrator: ./tonkla admin create USER\n");
        }
        out.append("  Stop with Ctrl-C.\n");
        System.out.println(out);
    }
}
