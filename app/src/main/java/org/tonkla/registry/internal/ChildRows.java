package org.tonkla.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.tonkla.core.thai.GCode;
import org.tonkla.registry.Child;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.Sex;

/** The {@code child} columns every registry query selects, and their mapping; identifiers come out masked. */
public final class ChildRows {

    public static final String COLUMNS = """
            c.id, c.given_name_th, c.family_name_th, c.given_name_en, c.family_name_en, c.sex, c.date_of_birth,
            c.nationality, c.identifier_type, c.national_id_last4, c.g_code, c.no_identifier_reason, c.household_id,
            c.province_code, c.photo_sha256""";

    private ChildRows() {}

    public static Child child(ResultSet rs, int row) throws SQLException {
        var type = Child.IdentifierType.valueOf(rs.getString("identifier_type"));
        String last4 = rs.getString("national_id_last4");
        String masked = switch (type) {
            case NATIONAL_ID -> "x-xxxx-xxxx" + last4.charAt(0) + "-" + last4.substring(1, 3) + "-" + last4.charAt(3);
            case G_CODE -> new GCode(rs.getString("g_code")).masked();
            case NONE -> null;
        };
        return new Child(new ChildId(rs.getObject("id", UUID.class)), rs.getString("given_name_th"),
                rs.getString("family_name_th"), rs.getString("given_name_en"), rs.getString("family_name_en"),
                Sex.valueOf(rs.getString("sex")), rs.getDate("date_of_birth").toLocalDate(), rs.getString("nationality"),
                type, masked, rs.getString("no_identifier_reason"), rs.getObject("household_id", UUID.class),
                rs.getString("province_code"), rs.getString("photo_sha256"));
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public static String emptyToNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
