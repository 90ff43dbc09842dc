package org.tonkla.identity.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Users;

/** The principal of a form login or an API token; serializable because sessions live in PostgreSQL. */
final class TonklaPrincipal implements UserDetails, CredentialsContainer, FreshRights.Renewable {

    private final CurrentUser user;
    private String passwordHash;
    private final boolean enabled;

    TonklaPrincipal(UserAccount account) {
        this.user = account.toCurrentUser();
        this.passwordHash = account.passwordHash();
        this.enabled = account.enabled();
    }

    /** A principal for an account already known to be enabled, without its password. */
    TonklaPrincipal(CurrentUser user) {
        this.user = user;
        this.passwordHash = null;
        this.enabled = true;
    }

    static List<GrantedAuthority> authorities(CurrentUser user) {
        return List.of(new SimpleGrantedAuthority(user.role().authority()));
    }

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    @Override
    public Authentication renewed(Authentication old, CurrentUser now) {
        var principal = new TonklaPrincipal(now);
        var auth = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        auth.setDetails(old.getDetails());
        return auth;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(user);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "TonklaPrincipal[" + user.username() + "]";
    }
}
