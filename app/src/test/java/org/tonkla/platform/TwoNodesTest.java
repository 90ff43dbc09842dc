package org.tonkla.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.tonkla.IntegrationTest;
import org.tonkla.TonklaApplication;
import org.tonkla.WebClientSession;

/**
 * Two Tonkla nodes on one database serve the same signed-in user: the session lives in
 * PostgreSQL, not in either JVM. The second node is a second application context on its own port,
 * started like a fresh clone on a server: bound to every interface, {@code TONKLA_DEMO} unset.
 */
class TwoNodesTest extends IntegrationTest {

    @Test
    void aSessionMadeOnOneNodeWorksOnTheOther() {
        var first = session();
        assertThat(first.login("officer.khonkaen", "tonkla-demo")).isEqualTo("/");

        // Command-line arguments, not builder properties: those rank below application.yml's port.
        try (var second = new SpringApplicationBuilder(TonklaApplication.class)
                .run("--server.port=0", "--server.address=0.0.0.0", "--tonkla.db.ephemeral=true",
                        "--tonkla.data-dir=target/test-data")) {
            // Not on loopback and not asked for: the demo loader (published passwords) is not even a bean.
            assertThat(DemoSwitch.enabled(second.getEnvironment())).isFalse();
            assertThat(second.containsBean("demoData")).isFalse();
            int port2 = ((WebServerApplicationContext) second).getWebServer().getPort();
            var onSecond = new WebClientSession("http://localhost:" + port2);
            for (HttpCookie cookie : first.cookies().getCookieStore().get(URI.create("http://localhost:" + port))) {
                onSecond.cookies().getCookieStore().add(URI.create("http://localhost:" + port2), cookie);
            }
            var home = onSecond.get("/", "text/html");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("เจ้าหน้าที่จังหวัดขอนแก่น (สาธิต)");
            assertThat(onSecond.getJson("/api/v1/areas?parent=40").statusCode()).isEqualTo(200);
        }
    }
}
