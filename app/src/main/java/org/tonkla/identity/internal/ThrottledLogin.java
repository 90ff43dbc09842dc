package org.tonkla.identity.internal;

import java.util.List;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Form login: the password check behind the progressive delay of {@link LoginThrottle}.
 *
 * <p>Every failure looks the same from outside: an unknown username runs the password encoder on a
 * dummy hash (Spring's {@link DaoAuthenticationProvider} does so) and answers "wrong username or
 * password", and a disabled account is only told apart after its password was checked, so that it
 * answers like any other failure and takes as long. Failures of unknown usernames are counted too,
 * so that they are delayed exactly like real ones.
 */
@Component
class ThrottledLogin implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    private final DigestCredentials digest;

    ThrottledLogin(UserAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle, DigestCredentials digest) {
        this.digest = digest;
        this.throttle = throttle;
        this.passwords = new DaoAuthenticationProvider(new AccountDetailsService(accounts));
        passwords.setPasswordEncoder(encoder);
        passwords.setPreAuthenticationChecks(user -> {});
        passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String account = LoginThrottle.account(attempt.getName());
        String address = LoginThrottle.address(attempt.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null);
        var wait = throttle.waitFor(List.of(account, address));
        if (!wait.isZero()) throw new LoginDelayed(wait);
        try {
            Authentication result = passwords.authenticate(attempt);
            throttle.succeeded(account);
            // The plaintext password is at hand only now: keep its Digest HA1 so ODK Collect can use Digest next time.
            if (attempt.getCredentials() instanceof String password) digest.remember(result.getName(), password);
            return result;
        } catch (BadCredentialsException e) {
            throttle.accountFailed(account);
            throttle.addressFailed(address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
