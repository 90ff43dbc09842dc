package org.tonkla.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Tonkla's own settings, bound from {@code tonkla.*} (environment variables {@code TONKLA_*}).
 *
 * @param dataDir where the embedded PostgreSQL and stored files live
 * @param db an external PostgreSQL; when {@code url} is blank Tonkla embeds one
 * @param demo whether demo data is loaded on first start: {@code true}, {@code false} or {@code auto}
 *     (see {@link DemoSwitch})
 * @param publicUrl the address people and clients use to reach Tonkla (e.g. {@code https://tonkla.example.go.th}):
 *     the token issuer, the start-up message, and whether cookies are {@code Secure} and HSTS is sent
 */
@ConfigurationProperties("tonkla")
public record TonklaProperties(Path dataDir, Db db, Demo demo, String publicUrl) {

    public TonklaProperties {
        if (dataDir == null) dataDir = Path.of("data");
        if (db == null) db = new Db(null, null, null, 5433, null, false);
        if (demo == null) demo = new Demo("auto");
        if (publicUrl == null || publicUrl.isBlank()) publicUrl = "http://localhost:8080";
        publicUrl = publicUrl.trim().replaceAll("/+$", "");
    }

    /** Whether Tonkla is reached over HTTPS (directly or through a proxy that terminates TLS). */
    public boolean https() {
        return publicUrl.regionMatches(true, 0, "https:", 0, 6);
    }

    /**
     * @param url JDBC URL of an external PostgreSQL, or blank for the embedded one
     * @param embeddedPort port of the embedded PostgreSQL, so a second node can share it
     * @param embeddedStartupWait how long to wait for the embedded PostgreSQL to answer after it was not shut down
     *     cleanly: it first replays its write-ahead log, which takes minutes for a large database (a bare number is seconds)
     * @param ephemeral embedded database in a throw-away directory on a free port (tests)
     */
    public record Db(String url, String user, String password, int embeddedPort,
            @DurationUnit(ChronoUnit.SECONDS) Duration embeddedStartupWait, boolean ephemeral) {
        public Db {
            if (embeddedStartupWait == null) embeddedStartupWait = Duration.ofMinutes(10);
            if (embeddedStartupWait.isNegative() || embeddedStartupWait.isZero()) {
                throw new IllegalArgumentException("TONKLA_DB_STARTUP_WAIT must be longer than zero, e.g. 10m (was " + embeddedStartupWait + ")");
            }
        }

        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /** @param enabled {@code true}, {@code false} or {@code auto}; {@link DemoSwitch} decides */
    public record Demo(String enabled) {}
}
