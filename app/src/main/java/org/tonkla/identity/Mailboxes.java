package org.tonkla.identity;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.platform.InvalidInput;

/**
 * Accounts' e-mail addresses, for notifications that carry a link only. An address is optional: an account
 * without one is told in the application alone. Disabled accounts get nothing.
 */
@Component
public class Mailboxes {

    /** Roles that read children's records: the only ones told about a child's referral. */
    private static final String READERS = "role NOT IN ('GUARDIAN', 'AGENCY_ANALYST', 'ADMINISTRATOR')";

    private final JdbcClient jdbc;

    Mailboxes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The addresses of the enabled accounts that work at a service unit. */
    public List<String> ofUnit(UUID unit) {
        return jdbc.sql("SELECT DISTINCT email FROM app_user WHERE enabled AND email IS NOT NULL AND scope_unit_id = ? AND "
                        + READERS + " ORDER BY email")
                .param(unit).query(String.class).list();
    }

    /**
     * The addresses of the enabled area accounts (district or province supervisors) of one of {@code agencies}
     * whose area contains {@code area} (a district's code starts with its province's).
     */
    public List<String> ofSupervisors(String area, Collection<String> agencies) {
        if (area == null || agencies.isEmpty()) return List.of();
        return jdbc.sql("SELECT DISTINCT email FROM app_user WHERE enabled AND email IS NOT NULL"
                        + " AND scope_level IN ('PROVINCE', 'DISTRICT', 'SUBDISTRICT') AND :area LIKE scope_area || '%'"
                        + " AND agency_code = ANY (CAST(:agencies AS text[])) AND " + READERS + " ORDER BY email")
                .param("area", area).param("agencies", agencies.toArray(String[]::new)).query(String.class).list();
    }

    /** The account's address, if it has one. */
    public java.util.Optional<String> of(String username) {
        return jdbc.sql("SELECT email FROM app_user WHERE username = ? AND email IS NOT NULL").param(username)
                .query(String.class).optional();
    }

    /** Sets (or with null / blank, removes) an account's address. */
    @Transactional
    public void set(String username, String email) {
        String clean = email == null || email.isBlank() ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
        if (clean != null && (clean.length() > 254 || !clean.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new InvalidInput("email", "an e-mail address such as name@example.go.th");
        }
        if (jdbc.sql("UPDATE app_user SET email = ?, updated_at = now() WHERE username = ?")
                .params(clean, username).update() != 1) {
            throw new InvalidInput("username", "an existing account");
        }
    }
}
