package org.tonkla.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.identity.internal.UserAccounts;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.NotFound;

/**
 * An account's wrong-password delay as the administrator sees and lifts it. Wrong passwords delay an account's
 * next attempt more and more ({@code login_delay}, see the login throttle); a user who forgot the password and
 * tried many times, or whose account someone else attacked, is let in again by an administrator at once.
 */
@Component
public class LoginLocks {

    /**
     * The account's recent failures.
     *
     * @param until when the next attempt is allowed; in the past when the delay is over
     */
    public record Lock(int failures, Instant lastFailure, Instant until) {
        public boolean lockedAt(Instant now) {
            return until != null && until.isAfter(now);
        }
    }

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    LoginLocks(JdbcClient jdbc, UserAccounts accounts, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The account's failures not yet forgotten, or empty when it has none. */
    public Optional<Lock> of(String username) {
        return jdbc.sql("SELECT failures, last_failure, next_allowed FROM login_delay WHERE subject = ?")
                .param(subject(username))
                .query((rs, i) -> new Lock(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /** Whether the account must wait now before its password is checked. */
    public boolean locked(String username) {
        return of(username).map(l -> l.lockedAt(Instant.now(clock))).orElse(false);
    }

    /**
     * Forgets the account's failures: the next attempt has its password checked at once. Audited. The failures of
     * the client addresses stay: they are another account's, or an attacker's.
     *
     * @throws NotFound when there is no such account
     */
    @Transactional
    public void unlock(UUID accountId) {
        var account = accounts.byId(accountId).orElseThrow(() -> new NotFound("account"));
        int failures = of(account.username()).map(Lock::failures).orElse(0);
        jdbc.sql("DELETE FROM login_delay WHERE subject = ?").param(subject(account.username())).update();
        audit.record("UNLOCK", "user", accountId.toString(), account.username() + " after " + failures + " failed logins");
    }

    /** The throttle's key of an account (as {@code LoginThrottle.account} writes it). */
    static String subject(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return "user:" + (name.length() > 150 ? name.substring(0, 150) : name);
    }
}
