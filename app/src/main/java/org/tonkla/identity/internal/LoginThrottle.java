package org.tonkla.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.platform.AuditTrail;

/**
 * A progressive delay per account, per API client and per client address, kept in PostgreSQL
 * ({@code login_delay}) so every node sees it. A delayed subject is answered "try again in X s"
 * without its password being checked; once the delay has passed, the right password works, so
 * wrong attempts by someone else can slow an account's owner down but never lock them out.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final LoginLimits limits;

    LoginThrottle(JdbcClient jdbc, Clock clock, AuditTrail audit, LoginLimits limits) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.limits = limits;
    }

    static String account(String username) {
        return "user:" + clip(username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    static String address(String remoteAddress) {
        return "addr:" + clip(remoteAddress == null ? "unknown" : remoteAddress);
    }

    static String client(String clientId) {
        return "client:" + clip(clientId == null ? "" : clientId);
    }

    /** How long the longest-delayed of these subjects must still wait; zero when none is delayed. */
    Duration waitFor(List<String> subjects) {
        Instant now = Instant.now(clock);
        return jdbc.sql("SELECT max(next_allowed) FROM login_delay WHERE subject IN (:s)").param("s", subjects)
                .query(Timestamp.class).optional()
                .map(t -> Duration.between(now, t.toInstant()))
                .filter(d -> !d.isNegative() && !d.isZero())
                .orElse(Duration.ZERO);
    }

    /** Counts a failure of an account or API client. */
    void accountFailed(String subject) {
        Duration delay = failed(subject, limits.accountFailures(), limits.accountMaxDelay());
        // Once, when the delays begin: an attack must not also flood the audit trail.
        if (delay.equals(limits.firstDelay())) {
            audit.recordAs(subject, "LOGIN_DELAYED", "login", subject, limits.accountFailures() + " failures");
        }
    }

    /** Counts a failure from a client address. */
    void addressFailed(String subject) {
        failed(subject, limits.addressFailures(), limits.addressMaxDelay());
    }

    /** The right password (or secret) was given: the account's failures are forgotten, its address's are not. */
    void succeeded(String subject) {
        jdbc.sql("DELETE FROM login_delay WHERE subject = ?").param(subject).update();
    }

    private Duration failed(String subject, int free, Duration max) {
        Instant now = Instant.now(clock);
        Timestamp forgetBefore = Timestamp.from(now.minus(limits.forgetAfter()));
        int failures = jdbc.sql("""
                INSERT INTO login_delay (subject, failures, last_failure) VALUES (:s, 1, :now)
                ON CONFLICT (subject) DO UPDATE SET
                  failures = CASE WHEN login_delay.last_failure < :forgetBefore THEN 1 ELSE login_delay.failures + 1 END,
                  last_failure = :now
                RETURNING failures""")
                .param("s", subject).param("now", Timestamp.from(now)).param("forgetBefore", forgetBefore)
                .query(Integer.class).single();
        Duration delay = limits.delayAfter(failures, free, max);
        if (!delay.isZero()) {
            jdbc.sql("UPDATE login_delay SET next_allowed = ? WHERE subject = ?")
                    .params(Timestamp.from(now.plus(delay)), subject).update();
        }
        // Random usernames must not fill the table: now and then, drop what is forgotten anyway.
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            jdbc.sql("DELETE FROM login_delay WHERE last_failure < ?").param(forgetBefore).update();
        }
        return delay;
    }

    private static String clip(String s) {
        return s.length() > 150 ? s.substring(0, 150) : s;
    }
}
