package org.tonkla.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.identity.internal.UserAccount;
import org.tonkla.identity.internal.UserAccounts;
import org.tonkla.platform.AuditTrail;
import org.tonkla.platform.InvalidInput;

/** Creating and changing user accounts and API clients: the administrator's pages, the CLI and demo data. */
@Component
public class Accounts {

    /** What an administrator enters for a new or changed account. */
    public record AccountForm(String username, String displayName, Role role, Scope scope, String password,
            boolean enabled) {}

    /** An account as the administration pages list it. */
    public record AccountView(UUID id, String username, String displayName, Role role, Scope scope, boolean enabled) {}

    private static final int MIN_PASSWORD = 10;
    private final UserAccounts store;
    private final PasswordEncoder encoder;
    private final org.tonkla.identity.internal.DigestCredentials digest;
    private final RegisteredClientRepository clients;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    private final org.springframework.beans.factory.ObjectProvider<
            org.springframework.session.FindByIndexNameSessionRepository<? extends org.springframework.session.Session>> sessions;

    Accounts(UserAccounts store, PasswordEncoder encoder, RegisteredClientRepository clients, JdbcClient jdbc,
            AuditTrail audit, org.springframework.beans.factory.ObjectProvider<
                    org.springframework.session.FindByIndexNameSessionRepository<? extends org.springframework.session.Session>> sessions,
            org.tonkla.identity.internal.DigestCredentials digest) {
        this.digest = digest;
        this.sessions = sessions;
        this.store = store;
        this.encoder = encoder;
        this.clients = clients;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public boolean exists(String username) {
        return store.byUsername(username).isPresent();
    }

    public long count() {
        return store.count();
    }

    public List<AccountView> search(String text) {
        return store.search(text, 200).stream().map(Accounts::view).toList();
    }

    public Optional<AccountView> find(UUID id) {
        return store.byId(id).map(Accounts::view);
    }

    /**
     * Creates an account. Demo accounts may use a short password ({@code allowShortPassword});
     * real ones need at least 10 characters.
     *
     * @throws InvalidInput naming the field that is wrong ({@code username}, {@code username.taken}, {@code password})
     */
    @Transactional
    public UUID create(AccountForm form, boolean allowShortPassword) {
        String username = normalize(form.username());
        if (!username.matches("[a-z0-9._-]{3,64}")) {
            throw new InvalidInput("username", "3 to 64 characters of a-z, 0-9, '.', '_' or '-'");
        }
        if (exists(username)) throw new InvalidInput("username.taken", "a username nobody has");
        checkPassword(form.password(), allowShortPassword);
        var id = UUID.randomUUID();
        store.insert(new UserAccount(id, username, encoder.encode(form.password()), form.displayName(), form.role(),
                form.scope().agencyCode(), form.scope(), "th", form.enabled()));
        digest.remember(username, form.password()); // ODK Collect's Digest needs it (see DigestCredentials)
        audit.record("CREATE", "user", id.toString(), username + " as " + form.role() + " in " + form.scope().level());
        return id;
    }

    /** Changes role, scope, name and status; a non-blank password replaces the old one. */
    @Transactional
    public void update(UUID id, AccountForm form) {
        var old = store.byId(id).orElseThrow(() -> new InvalidInput("id", "an existing account"));
        String hash = old.passwordHash();
        if (form.password() != null && !form.password().isBlank()) {
            checkPassword(form.password(), false);
            hash = encoder.encode(form.password());
        }
        if (!hash.equals(old.passwordHash())) digest.remember(old.username(), form.password());
        store.update(new UserAccount(id, old.username(), hash, form.displayName(), form.role(),
                form.scope().agencyCode(), form.scope(), old.language(), form.enabled()));
        audit.record("UPDATE", "user", id.toString(), "role " + old.role() + "→" + form.role() + ", scope "
                + old.scope().level() + "→" + form.scope().level() + (hash.equals(old.passwordHash()) ? "" : ", password reset"));
        // A reset password (a suspected compromise) or a disabled account ends every session of the account at
        // once, on every node: re-enabling it later does not bring an old session back.
        if (!hash.equals(old.passwordHash()) || !form.enabled()) endSessions(old.username());
    }

    /** Ends every session of the account at once, on every node (a reset or disabled account). */
    void endSessions(String username) {
        var repository = sessions.getIfAvailable();
        if (repository == null) return;
        repository.findByPrincipalName(username).keySet().forEach(repository::deleteById);
    }

    /** Remembers the page language a user chose. */
    public void rememberLanguage(String username, String language) {
        store.setLanguage(username, language);
    }

    /**
     * Registers a machine client that may obtain tokens with the client-credentials grant; its
     * tokens act as {@code actingUser}, with that user's role and scope.
     */
    @Transactional
    public void createApiClient(String clientId, String secret, String actingUser) {
        var user = store.byUsername(actingUser).orElseThrow(() -> new InvalidInput("actingUser", "an existing account"));
        var client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientSecret(encoder.encode(secret))
                .clientName(clientId)
                .clientAuthenticationMethods(m -> m.addAll(Set.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                        ClientAuthenticationMethod.CLIENT_SECRET_POST)))
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("api")
                .build();
        clients.save(client);
        jdbc.sql("INSERT INTO api_client (client_id, user_id) VALUES (?, ?)").params(clientId, user.id()).update();
        audit.record("CREATE", "api_client", clientId, "acts as " + actingUser);
    }

    static void checkPassword(String password, boolean allowShort) {
        if (password == null || password.isBlank() || (!allowShort && password.length() < MIN_PASSWORD)) {
            throw new InvalidInput("password", "at least " + MIN_PASSWORD + " characters");
        }
    }

    private static String normalize(String username) {
        return username == null ? "" : username.trim().toLowerCase();
    }

    private static AccountView view(UserAccount a) {
        return new AccountView(a.id(), a.username(), a.displayName(), a.role(), a.scope(), a.enabled());
    }
}
