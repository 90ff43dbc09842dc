package org.tonkla.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Protects identifiers such as national IDs at rest: a keyed hash (HMAC-SHA-256) to find a record
 * by its identifier, and AES-256-GCM to show it to those who may see it. The database never holds
 * the digits. The key comes from {@code TONKLA_PII_KEY} (base64, 32 bytes; every node of a cluster
 * needs the same one) or, on a single node, from {@code <data-dir>/keys/pii.key}, made on first use.
 */
@Component
public class PersonalDataCipher {

    private static final int NONCE_BYTES = 12;
    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    PersonalDataCipher(@Value("${TONKLA_PII_KEY:}") String configuredKey, TonklaProperties properties) {
        byte[] master = configuredKey.isBlank() ? keyFile(properties.dataDir().resolve("keys/pii.key"))
                : Base64.getDecoder().decode(configuredKey.trim());
        if (master.length != 32) throw new IllegalStateException("TONKLA_PII_KEY must be 32 bytes, base64-encoded");
        // Two keys derived from one, so that the lookup hash never doubles as the encryption key.
        this.encryptionKey = new SecretKeySpec(derive(master, "tonkla-encrypt"), "AES");
        this.hashKey = new SecretKeySpec(derive(master, "tonkla-lookup"), "HmacSHA256");
    }

    /** A stable keyed hash of {@code value}, for unique indexes and look-ups. */
    public byte[] lookupHash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] encrypt(String value) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String decrypt(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt: was TONKLA_PII_KEY changed?", e);
        }
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) return Base64.getDecoder().decode(Files.readString(file).trim());
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the key file " + file, e);
        }
    }
}
