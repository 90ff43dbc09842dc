package org.tonkla.identity.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.tonkla.identity.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * OIDC login (e.g. a national identity provider): the provider proves who the person is, Tonkla's
 * own account (matched by the claim {@code tonkla.oidc.username-claim}) says what they may do.
 * Nobody gets in by OIDC alone without an account an administrator made.
 */
@Component
class OidcAccounts extends OidcUserService {

    private final UserAccounts accounts;
    private final String usernameClaim;

    OidcAccounts(UserAccounts accounts, @Value("${tonkla.oidc.username-claim:preferred_username}") String usernameClaim) {
        this.accounts = accounts;
        this.usernameClaim = usernameClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = super.loadUser(request);
        Object claim = oidc.getClaims().get(usernameClaim);
        var account = claim == null ? null
                : accounts.byUsername(claim.toString().toLowerCase()).filter(UserAccount::enabled).orElse(null);
        if (account == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", "No Tonkla account for this person", null));
        }
        return new TonklaOidcUser(oidc, account.toCurrentUser());
    }

    /** An OIDC user that also carries the Tonkla account. */
    static final class TonklaOidcUser extends DefaultOidcUser implements FreshRights.Renewable {
        private final CurrentUser user;

        TonklaOidcUser(OidcUser oidc, CurrentUser user) {
            super(TonklaPrincipal.authorities(user), oidc.getIdToken(), oidc.getUserInfo());
            this.user = user;
        }

        @Override
        public CurrentUser currentUser() {
            return user;
        }

        @Override
        public Authentication renewed(Authentication old, CurrentUser now) {
            var renewed = new TonklaOidcUser(this, now);
            String registration = old instanceof OAuth2AuthenticationToken token ? token.getAuthorizedClientRegistrationId()
                    : "national";
            var auth = new OAuth2AuthenticationToken(renewed, renewed.getAuthorities(), registration);
            auth.setDetails(old.getDetails());
            return auth;
        }

        @Override
        public String getName() {
            return user.username();
        }
    }
}
