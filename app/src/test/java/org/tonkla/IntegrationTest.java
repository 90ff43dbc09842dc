package org.tonkla;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that need the running application: real PostgreSQL (the embedded server,
 * one per test JVM, in a throw-away directory), demo data, a real HTTP port. All subclasses share
 * one Spring context, so the suite starts Tonkla once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tonkla.db.ephemeral=true",
    "tonkla.data-dir=target/test-data",
    "tonkla.demo.enabled=true",
    "tonkla.demo.children=300"})
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    /** The application's clock (Asia/Bangkok): tests take "today" from it, as the application does. */
    @org.springframework.beans.factory.annotation.Autowired
    protected java.time.Clock clock;

    /** Today in Thailand, as the application sees it (not the test machine's time zone). */
    protected java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    protected WebClientSession session() {
        return new WebClientSession("http://localhost:" + port);
    }
}
