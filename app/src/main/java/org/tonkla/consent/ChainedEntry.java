package org.tonkla.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * One access-log entry as stored, with its place in its province's hash chain, and the canonical form
 * its hash covers. The same form is written in SQL by {@code access_log_canonical} (migration V50); this
 * one is independent of it on purpose, so a changed trigger function cannot vouch for itself.
 */
record ChainedEntry(String chain, long seq, UUID id, OffsetDateTime occurredAt, UUID childId, UUID userId,
        String username, String displayName, String role, String agencyCode, UUID unitId, String action,
        String purpose, String detail, byte[] prevHash, byte[] hash) {

    /** The prev_hash of a chain's first entry. */
    static final byte[] GENESIS = new byte[32];

    private static final DateTimeFormatter UTC_MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    /**
     * {@code "tonkla-access-log-v1,"} then each field as {@code <UTF-8 byte length>:<value>,} or {@code -,}
     * for NULL, in the order of migration V50.
     */
    byte[] canonical() {
        var s = new StringBuilder(256).append("tonkla-access-log-v1,");
        field(s, Long.toString(seq));
        field(s, text(id));
        field(s, occurredAt == null ? null : occurredAt.withOffsetSameInstant(ZoneOffset.UTC).format(UTC_MICROS));
        field(s, chain);
        field(s, text(childId));
        field(s, text(userId));
        field(s, username);
        field(s, displayName);
        field(s, role);
        field(s, agencyCode);
        field(s, text(unitId));
        field(s, action);
        field(s, purpose);
        field(s, detail);
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code sha256(prev_hash || canonical)}: what {@link #hash} must be if nobody changed this entry. */
    byte[] expectedHash() {
        MessageDigest sha = sha256();
        sha.update(prevHash);
        return sha.digest(canonical());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static void field(StringBuilder s, String value) {
        if (value == null) {
            s.append("-,");
        } else {
            s.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append(',');
        }
    }
}
