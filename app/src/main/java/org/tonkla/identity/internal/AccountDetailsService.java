package org.tonkla.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for form login; a throttled account comes back locked. */
@Component
class AccountDetailsService implements UserDetailsService {

    private final UserAccounts accounts;
    private final LoginThrottle throttle;

    AccountDetailsService(UserAccounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = accounts.byUsername(username.trim().toLowerCase())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return new TonklaPrincipal(account, throttle.isLocked(account.username()));
    }
}
