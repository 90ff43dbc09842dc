package org.tonkla.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic for the OpenRosa chain without an Argon2 check on every request. ODK Collect sends the password with each
 * request (a HEAD and a POST per submission); Argon2 is deliberately slow (tens of ms of CPU), which would cap ingest at
 * a few submissions per second. A password verified by {@link ThrottledLogin} is remembered for a few minutes under a
 * keyed hash of username and password (an HMAC with a key made at start-up and never stored, so the cache holds no
 * password nor anything to test guesses against offline); a hit re-reads the account, so a disabled account is refused
 * at once and a changed password (another Argon2 hash) forgets the remembered one. As the API's verified-token cache
 * does.
 */
final class RememberedCredentials implements AuthenticationProvider {

    static final Duration REMEMBER = Duration.ofMinutes(5);

    /** What was verified: the account's password hash then, so that a password change is noticed. */
    private record Verified(String username, String passwordHash) {}

    private final ThrottledLogin login;
    private final UserAccounts accounts;
    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(REMEMBER).build();
    private final SecretKeySpec key;

    RememberedCredentials(ThrottledLogin login, UserAccounts accounts) {
        this.login = login;
        this.accounts = accounts;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName() == null ? "" : attempt.getName().trim().toLowerCase();
        Object credentials = attempt.getCredentials();
        if (!(credentials instanceof String password)) return login.authenticate(attempt);
        String k = mac(username, password);
        Verified known = verified.getIfPresent(k);
        if (known != null && known.username().equals(username)) {
            var account = accounts.byUsername(username).orElse(null);
            if (account != null && account.enabled() && java.util.Objects.equals(account.passwordHash(), known.passwordHash())) {
                var principal = new TonklaPrincipal(account);
                principal.eraseCredentials();
                return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
            }
            verified.invalidate(k); // disabled or password changed: check the full way (and fail like any other)
        }
        Authentication result = login.authenticate(attempt);
        var account = accounts.byUsername(username).orElseThrow(() -> new BadCredentialsException("No such user"));
        verified.put(k, new Verified(username, account.passwordHash()));
        return result;
    }

    private String mac(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return java.util.HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return login.supports(authentication);
    }
}
