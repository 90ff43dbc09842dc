package org.tonkla.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.identity.internal.DigestCredentials;
import org.tonkla.identity.internal.ResetMail;
import org.tonkla.identity.internal.UserAccount;
import org.tonkla.identity.internal.UserAccounts;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.InvalidInput;
import org.tonkla.platform.NotFound;

/**
 * Password reset by e-mail (issue 10 §6): a user asks on the login page with a username or e-mail address, or an
 * administrator asks for them; the account's address gets a link with a single-use token valid for
 * {@code tonkla.password-reset.valid-for} (30 minutes). Only the token's SHA-256 is stored. Asking answers the
 * same whether or not the account exists, has an address or e-mail is configured, so the page tells nobody which
 * accounts exist. A reset ends the account's sessions and lifts its wrong-password delay.
 */
@Component
public class PasswordResets {

    /** At most this many links per account per hour: asking again and again must not flood a mailbox. */
    static final int PER_HOUR = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final UserAccounts store;
    private final PasswordEncoder encoder;
    private final Accounts accounts;
    private final ResetMail mail;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration validFor;
    private final DigestCredentials digest;

    PasswordResets(JdbcClient jdbc, UserAccounts store, PasswordEncoder encoder, Accounts accounts, ResetMail mail,
            AuditTrail audit, Clock clock, @Value("${tonkla.password-reset.valid-for:PT30M}") Duration validFor,
            DigestCredentials digest) {
        this.digest = digest;
        this.jdbc = jdbc;
        this.store = store;
        this.encoder = encoder;
        this.accounts = accounts;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.validFor = validFor;
    }

    /**
     * The user's own request: when an enabled account has this username or address, an address of its own and
     * e-mail is configured, a link is mailed to that address. Nothing tells the caller which happened.
     */
    @Transactional
    public void request(String usernameOrEmail) {
        if (usernameOrEmail == null || usernameOrEmail.isBlank() || usernameOrEmail.length() > 254) return;
        store.enabledByUsernameOrEmail(usernameOrEmail).ifPresent(a -> issue(a, a.username()));
    }

    /**
     * An administrator sends the account's owner a link (the administrator never sees it).
     *
     * @throws NotFound when there is no such account
     * @throws InvalidInput naming {@code email} when the account has no address or e-mail is not configured
     */
    @Transactional
    public void requestFor(UUID accountId) {
        UserAccount a = store.byId(accountId).orElseThrow(() -> new NotFound("account"));
        if (!mail.enabled()) throw new InvalidInput("email.off", "e-mail configured on the server (TONKLA_SMTP_HOST)");
        if (store.email(accountId).isEmpty()) throw new InvalidInput("email", "an e-mail address on the account");
        if (!issue(a, "administrator")) throw new InvalidInput("email.tooMany", "at most " + PER_HOUR + " links an hour");
    }

    private boolean issue(UserAccount a, String requestedBy) {
        var to = store.email(a.id());
        if (to.isEmpty() || !mail.enabled()) {
            // Nothing happened, so nothing is audited: an entry here would let anyone, signed in or not, add one per request.
            return false;
        }
        Instant now = Instant.now(clock);
        int recent = jdbc.sql("SELECT count(*) FROM password_reset WHERE user_id = ? AND created_at > ?")
                .params(a.id(), Timestamp.from(now.minus(Duration.ofHours(1)))).query(Integer.class).single();
        if (recent >= PER_HOUR) return false;
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expires = now.plus(validFor);
        jdbc.sql("INSERT INTO password_reset (id, user_id, token_hash, requested_by, created_at, expires_at) VALUES (?,?,?,?,?,?)")
                .params(UUID.randomUUID(), a.id(), hash(token), requestedBy, Timestamp.from(now), Timestamp.from(expires))
                .update();
        audit.recordAs(requestedBy, "PASSWORD_RESET_REQUESTED", "user", a.id().toString(), "link e-mailed to " + a.username());
        mail.sendAfterCommit(to.get(), a.displayName(), token, expires);
        return true;
    }

    /** The username the token resets, while it is unused and unexpired. */
    public Optional<String> usernameFor(String token) {
        if (!wellFormed(token)) return Optional.empty();
        return jdbc.sql("""
                SELECT u.username FROM password_reset r JOIN app_user u ON u.id = r.user_id
                WHERE r.token_hash = ? AND r.used_at IS NULL AND r.expires_at > ? AND u.enabled""")
                .params(hash(token), Timestamp.from(Instant.now(clock))).query(String.class).optional();
    }

    /**
     * Sets the new password and spends the token (and every other open token of the account).
     *
     * @throws InvalidInput naming {@code password} (under 10 characters), {@code password.repeat} (the two differ)
     *     or {@code token} (unknown, used or expired)
     */
    @Transactional
    public String reset(String token, String password, String repeat) {
        Accounts.checkPassword(password, false);
        if (!password.equals(repeat)) throw new InvalidInput("password.repeat", "the same password twice");
        if (!wellFormed(token)) throw new InvalidInput("token", "a link that is unused and not expired");
        Timestamp now = Timestamp.from(Instant.now(clock));
        // Compare-and-set: of two requests with one token, one spends it and the other finds nothing.
        UUID userId = jdbc.sql("""
                UPDATE password_reset SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                  AND user_id IN (SELECT id FROM app_user WHERE enabled) RETURNING user_id""")
                .param("now", now).param("hash", hash(token)).query(UUID.class).optional()
                .orElseThrow(() -> new InvalidInput("token", "a link that is unused and not expired"));
        jdbc.sql("UPDATE password_reset SET used_at = ? WHERE user_id = ? AND used_at IS NULL").params(now, userId).update();
        UserAccount a = store.byId(userId).orElseThrow();
        store.setPasswordHash(userId, encoder.encode(password));
        digest.remember(a.username(), password); // else the old password would keep opening OpenRosa over Digest
        jdbc.sql("DELETE FROM login_delay WHERE subject = ?").param(LoginLocks.subject(a.username())).update();
        audit.recordAs(a.username(), "PASSWORD_RESET", "user", userId.toString(), "password set through an e-mailed link");
        accounts.endSessions(a.username());
        return a.username();
    }

    private static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
