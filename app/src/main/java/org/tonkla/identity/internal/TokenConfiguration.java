package org.tonkla.identity.internal;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * API tokens by the OAuth2 client-credentials grant (RFC 6749 §4.4), issued by Spring
 * Authorization Server as signed JWTs. Clients, authorizations and the signing key live in
 * PostgreSQL, so any node can issue a token and any node can verify it.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    @Bean
    RegisteredClientRepository registeredClients(JdbcOperations jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService authorizations(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    /** The issuer is the configured public URL: taken from the request, it would echo the {@code Host} header into tokens. */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(org.tonkla.platform.TonklaProperties tonkla) {
        return AuthorizationServerSettings.builder().issuer(tonkla.publicUrl()).build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(JdbcClient jdbc) {
        return new ImmutableJWKSet<>(new JWKSet(signingKey(jdbc)));
    }

    /**
     * Verifies API tokens. A token's signature is immutable, so once its RSA signature has been checked the result is
     * kept until the token expires: a client sending the same token thousands of times a minute pays for one
     * verification. Whether it was revoked ({@code /oauth2/revoke}) is asked on every request, of the authorization the
     * server stored when it issued the token, so a revoked token stops at once on every node; and it expires when it
     * says, with none of the library's default minute of tolerance. The user behind it is also re-read on every request
     * (TokenUsers).
     */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, java.time.Clock clock, JdbcClient jdbc) {
        var verifying = (org.springframework.security.oauth2.jwt.NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
        // The system clock, as the authorization server's when it issues (the app's Clock may be a test's).
        verifying.setJwtValidator(new org.springframework.security.oauth2.jwt.JwtTimestampValidator(java.time.Duration.ZERO));
        com.github.benmanes.caffeine.cache.Cache<String, org.springframework.security.oauth2.jwt.Jwt> verified =
                com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000)
                        .expireAfterWrite(java.time.Duration.ofMinutes(5)).build();
        return token -> {
            var jwt = verified.getIfPresent(token);
            if (jwt == null || jwt.getExpiresAt() != null && !jwt.getExpiresAt().isAfter(clock.instant())) {
                jwt = verifying.decode(token);
                verified.put(token, jwt);
            }
            // One statement on one connection. The library's findByToken keeps its connection while its row mapper reads
            // the client on a second one: with more requests than the pool has connections, each held one and waited
            // for another (the whole-country measurement at 32 connections stalled for Hikari's 30 s timeout).
            // The flag is read from the metadata the authorization server stores, under the library's own name for it;
            // no row means the token was not issued here, or its authorization is gone.
            boolean revokedOrUnknown = jdbc.sql("SELECT coalesce((access_token_metadata::jsonb ->> ?)::boolean, false)"
                            + " FROM oauth2_authorization WHERE access_token_value = ?")
                    .param(org.springframework.security.oauth2.server.authorization.OAuth2Authorization.Token.INVALIDATED_METADATA_NAME)
                    .param(token).query(Boolean.class).optional().orElse(true);
            if (revokedOrUnknown) {
                throw new org.springframework.security.oauth2.jwt.BadJwtException("The token was revoked or not issued here");
            }
            return jwt;
        };
    }

    /** Each token names the Tonkla user its client acts as; see {@link TokenUsers}. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenUser(JdbcClient jdbc) {
        return context -> {
            String clientId = context.getRegisteredClient().getClientId();
            // No token for a client whose acting user is disabled (it would be refused on use anyway).
            String username = jdbc.sql("SELECT u.username FROM api_client c JOIN app_user u ON u.id = c.user_id"
                            + " WHERE c.client_id = ? AND u.enabled")
                    .param(clientId).query(String.class).optional()
                    .orElseThrow(() -> new org.springframework.security.oauth2.core.OAuth2AuthenticationException(
                            new org.springframework.security.oauth2.core.OAuth2Error("invalid_client",
                                    "The client acts for no active Tonkla user", null)));
            context.getClaims().claim(TokenUsers.USER_CLAIM, username);
        };
    }

    private static RSAKey signingKey(JdbcClient jdbc) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            // The first node to start stores its key; the others (and later starts) use that one.
            jdbc.sql("INSERT INTO token_signing_key (key_id, private_pem, public_pem) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params("tonkla", encode(pair.getPrivate().getEncoded()), encode(pair.getPublic().getEncoded()))
                    .update();
            var row = jdbc.sql("SELECT key_id, private_pem, public_pem FROM token_signing_key WHERE key_id = 'tonkla'")
                    .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
            var factory = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(decode(row[1])));
            var publicKey = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(decode(row[2])));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(row[0] + "-" + UUID.nameUUIDFromBytes(publicKey.getEncoded()))
                    .build();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static String encode(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}
