package org.tonkla.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The HA1 of HTTP Digest (RFC 2617) per account, for ODK Collect over plain http: MD5(username:realm:password), stored
 * when the plaintext password is at hand (an account created, a password set, a successful sign-in) and read by the
 * OpenRosa chain's Digest filter. The realm is part of the hash, so HA1 opens this realm only.
 */
@Component
public class DigestCredentials {

    /** The realm ODK Collect shows and that every stored HA1 is computed for. */
    public static final String REALM = "Tonkla OpenRosa";

    private final JdbcClient jdbc;

    DigestCredentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String ha1(String username, String password) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5")
                    .digest((username + ":" + REALM + ":" + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores the HA1 of this password for the account (written only when it differs). */
    public void remember(String username, String password) {
        if (username == null || password == null) return;
        String u = username.trim().toLowerCase();
        String h = ha1(u, password);
        jdbc.sql("UPDATE app_user SET digest_ha1 = ? WHERE username = ? AND digest_ha1 IS DISTINCT FROM ?").params(h, u, h).update();
    }

    /** The stored HA1 of an enabled account; empty for an unknown or disabled account or one without HA1 yet. */
    Optional<String> of(String username) {
        return jdbc.sql("SELECT digest_ha1 FROM app_user WHERE username = ? AND enabled AND digest_ha1 IS NOT NULL")
                .param(username).query(String.class).optional();
    }
}
