package org.tonkla.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads accounts for form login. Not a bean: only {@link ThrottledLogin} may check passwords, so that
 * no authentication manager can do it around the delay.
 */
final class AccountDetailsService implements UserDetailsService {

    private final UserAccounts accounts;

    AccountDetailsService(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = accounts.byUsername(username.trim().toLowerCase())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return new TonklaPrincipal(account);
    }
}
