package org.tonkla.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.tonkla.platform.AuditTrail;

/**
 * After {@code tonkla.login.max-failures} wrong passwords within the lock period an account is
 * locked for that period. Counted in PostgreSQL so every node sees the same count.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final int maxFailures;
    private final Duration lockPeriod;

    LoginThrottle(JdbcClient jdbc, Clock clock, AuditTrail audit,
            @Value("${tonkla.login.max-failures:5}") int maxFailures,
            @Value("${tonkla.login.lock-period:PT15M}") Duration lockPeriod) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.maxFailures = maxFailures;
        this.lockPeriod = lockPeriod;
    }

    boolean isLocked(String username) {
        Instant now = Instant.now(clock);
        return jdbc.sql("SELECT locked_until FROM login_throttle WHERE username = ?").param(username)
                .query(Timestamp.class).optional()
                .map(t -> t.toInstant().isAfter(now)).orElse(false);
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        if (username == null || username.isBlank() || username.length() > 100) return;
        Instant now = Instant.now(clock);
        Timestamp windowStart = Timestamp.from(now.minus(lockPeriod));
        int failures = jdbc.sql("""
                INSERT INTO login_throttle (username, failures, last_failure) VALUES (:u, 1, :now)
                ON CONFLICT (username) DO UPDATE SET
                  failures = CASE WHEN login_throttle.last_failure < :windowStart THEN 1
                                  ELSE login_throttle.failures + 1 END,
                  last_failure = :now
                RETURNING failures""")
                .param("u", username).param("now", Timestamp.from(now)).param("windowStart", windowStart)
                .query(Integer.class).single();
        if (failures >= maxFailures) {
            jdbc.sql("UPDATE login_throttle SET locked_until = ?, failures = 0 WHERE username = ?")
                    .params(Timestamp.from(now.plus(lockPeriod)), username).update();
            audit.recordAs(username, "LOCKED", "user", username, failures + " failed logins");
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        jdbc.sql("DELETE FROM login_throttle WHERE username = ?").param(event.getAuthentication().getName()).update();
    }
}
