package org.tonkla.browser;

import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.directory.ServiceUnitType;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;

/**
 * A child of a test's own, at a center of its own with a caregiver account (password {@code tonkla-demo}),
 * so that what the test records leaves the demo class and its children as the other tests expect them.
 */
record OwnChild(UUID id, String username) {

    static OwnChild create(Directory directory, Accounts accounts, JdbcClient jdbc, LocalDate born, String name) {
        UUID unit = directory.addServiceUnit(new ServiceUnit(null, ServiceUnitType.EARLY_CHILDHOOD_CENTER,
                "ศูนย์" + name + " (ทดสอบ)", null, "DLA", "340204", "34", null, null, null, null));
        UUID child = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO child (id, given_name_th, family_name_th, sex, date_of_birth, identifier_type, no_identifier_reason,
                  province_code, created_by) VALUES (?, ?, 'ทดสอบ', 'F', ?, 'NONE', 'test', '34', 'test')""")
                .params(child, name, Date.valueOf(born)).update();
        jdbc.sql("""
                INSERT INTO enrolment (id, child_id, unit_id, kind, started_on, ended_on, province_code, created_by)
                VALUES (?, ?, ?, 'ENROLLED', ?, NULL, '34', 'test')""")
                .params(UUID.randomUUID(), child, unit, Date.valueOf(born.plusMonths(6))).update();
        String user = "caregiver." + unit.toString().substring(24);
        accounts.create(new Accounts.AccountForm(user, user, Role.CAREGIVER, new Scope("DLA", OrgUnit.serviceUnit(unit)),
                "tonkla-demo", true), true);
        return new OwnChild(child, user);
    }
}
