package org.tonkla.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;

/** The {@code app_user} table. */
@Repository
public class UserAccounts {

    private static final String COLUMNS = """
            id, username, password_hash, display_name, role, agency_code, scope_level, scope_area,
            scope_unit_id, locale, enabled""";

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> byUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = ?")
                .param(username).query(UserAccounts::map).optional();
    }

    public Optional<UserAccount> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ?").param(id).query(UserAccounts::map).optional();
    }

    public List<UserAccount> search(String text, int limit) {
        String like = "%" + (text == null ? "" : text.trim().toLowerCase()) + "%";
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE lower(username) LIKE ? OR lower(display_name) LIKE ?"
                        + " ORDER BY username LIMIT ?")
                .params(like, like, limit).query(UserAccounts::map).list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    public void insert(UserAccount u) {
        jdbc.sql("INSERT INTO app_user (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                .params(u.id(), u.username(), u.passwordHash(), u.displayName(), u.role().name(), u.agencyCode(),
                        u.scopeLevel().name(), u.scopeArea(), u.scopeUnitId(), u.language(), u.enabled())
                .update();
    }

    public void update(UserAccount u) {
        jdbc.sql("""
                UPDATE app_user SET display_name = ?, role = ?, agency_code = ?, scope_level = ?, scope_area = ?,
                       scope_unit_id = ?, locale = ?, enabled = ?, password_hash = ?, updated_at = now()
                WHERE id = ?""")
                .params(u.displayName(), u.role().name(), u.agencyCode(), u.scopeLevel().name(), u.scopeArea(),
                        u.scopeUnitId(), u.language(), u.enabled(), u.passwordHash(), u.id())
                .update();
    }

    /** Replaces the password hash (a reset by the account's owner through an e-mailed link). */
    public void setPasswordHash(java.util.UUID id, String hash) {
        jdbc.sql("UPDATE app_user SET password_hash = ?, updated_at = now() WHERE id = ?").params(hash, id).update();
    }

    /** The enabled account whose username or e-mail address this is (both compared in lower case). */
    public Optional<UserAccount> enabledByUsernameOrEmail(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE enabled AND (username = ? OR email = ?)"
                        + " ORDER BY username = ? DESC LIMIT 1")
                .params(t, t, t).query(UserAccounts::map).optional();
    }

    /** The account's e-mail address, if it has one. */
    public Optional<String> email(java.util.UUID id) {
        return jdbc.sql("SELECT email FROM app_user WHERE id = ? AND email IS NOT NULL").param(id).query(String.class).optional();
    }

    public void setLanguage(String username, String language) {
        jdbc.sql("UPDATE app_user SET locale = ? WHERE username = ?").params(language, username).update();
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        String level = rs.getString("scope_level");
        OrgUnit unit = switch (level) {
            case "COUNTRY" -> OrgUnit.country();
            case "SERVICE_UNIT" -> OrgUnit.serviceUnit(rs.getObject("scope_unit_id", UUID.class));
            default -> OrgUnit.area(rs.getString("scope_area"));
        };
        String agency = rs.getString("agency_code");
        return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")), agency, new Scope(agency, unit),
                rs.getString("locale"), rs.getBoolean("enabled"));
    }
}
