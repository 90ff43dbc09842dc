package org.tonkla.identity.internal;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Turns a verified API token into the Tonkla user its client acts as, re-read on every request so
 * that a disabled account or a narrowed scope takes effect at once.
 */
@Component
class TokenUsers implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String USER_CLAIM = "tonkla_user";
    private final UserAccounts accounts;

    TokenUsers(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String username = jwt.getClaimAsString(USER_CLAIM);
        var account = username == null ? null : accounts.byUsername(username).filter(UserAccount::enabled).orElse(null);
        if (account == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token", "Token has no active Tonkla user", null));
        }
        var principal = new TonklaPrincipal(account.toCurrentUser());
        return new TokenAuthentication(principal);
    }

    /** A token's user, read from the database for this very request: {@link FreshRights} need not read it again. */
    static final class TokenAuthentication extends UsernamePasswordAuthenticationToken {
        TokenAuthentication(TonklaPrincipal principal) {
            super(principal, null, principal.getAuthorities());
        }
    }
}
