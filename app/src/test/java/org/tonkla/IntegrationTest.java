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
    "tonkla.demo.children=300",
    // Tests seal the access log themselves (verify and heads seal first), so one can look at an entry still unsealed.
    "tonkla.access-log.seal-every=PT1H",
    // Referral e-mail on, to a GreenMail server only ReferralMailTest starts: no demo account has an address
    // unless that test gives it one, so no other test sends anything.
    "tonkla.mail.smtp-host=127.0.0.1", "tonkla.mail.starttls=false",
    // The open-data release is built by the tests that read it, on the data they made, not at start in the background.
    "tonkla.open-data.build-at-start=false"})
public abstract class IntegrationTest {

    /** A free port for the tests' SMTP server, chosen before the shared context starts. */
    public static final int SMTP_PORT = freePort();

    /**
     * The port is given through a dynamic property: the context may be built before this class is initialised
     * (JUnit loads it in beforeAll), so a system property set in a static block would not be there yet.
     */
    @org.springframework.test.context.DynamicPropertySource
    static void smtpPort(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("tonkla.mail.smtp-port", () -> SMTP_PORT);
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

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
