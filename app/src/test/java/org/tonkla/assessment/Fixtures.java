package org.tonkla.assessment;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.directory.ServiceUnitType;
import org.tonkla.identity.Accounts;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;

/**
 * Centers and accounts of their own for the assessment tests, so that no test depends on another's
 * (or the browser test's) assessments. Names say (ทดสอบ): test.
 */
final class Fixtures {

    private Fixtures() {}

    /** A new early-childhood center in {@code subdistrict}, affiliated to {@code agency}. */
    static UUID center(Directory directory, String agency, String subdistrict, String name) {
        return directory.addServiceUnit(new ServiceUnit(null, ServiceUnitType.EARLY_CHILDHOOD_CENTER, name + " (ทดสอบ)",
                null, agency, subdistrict, subdistrict.substring(0, 2), null, null, null, null));
    }

    /** A signed-in user as the modules see one; {@code scope} a unit or area. */
    static CurrentUser user(String username, Role role, String agency, OrgUnit unit) {
        return new CurrentUser(UUID.randomUUID(), username, username, role, new Scope(agency, unit), "th");
    }

    /** Creates a login account (password {@code tonkla-demo}) and returns its username. */
    static String account(Accounts accounts, String username, Role role, String agency, OrgUnit unit) {
        if (!accounts.exists(username)) {
            accounts.create(new Accounts.AccountForm(username, username, role, new Scope(agency, unit), "tonkla-demo", true), true);
        }
        return username;
    }

    /**
     * A child of province 34 enrolled at {@code unit} since {@code enrolledFrom}, screened once by DSPM
     * on {@code screenedOn} with overall code {@code outcome} (1B260 passed, 1B262 referred), written
     * straight into the registry's and record book's tables as their modules would.
     */
    static UUID screenedChild(JdbcClient jdbc, UUID unit, LocalDate born, LocalDate enrolledFrom, LocalDate screenedOn,
            String outcome) {
        UUID child = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO child (id, given_name_th, family_name_th, sex, date_of_birth, identifier_type, no_identifier_reason,
                  province_code, created_by) VALUES (?, 'ทดสอบ', 'ระบบ', 'F', ?, 'NONE', 'test', '34', 'test')""")
                .params(child, Date.valueOf(born)).update();
        jdbc.sql("""
                INSERT INTO enrolment (id, child_id, unit_id, kind, started_on, ended_on, province_code, created_by)
                VALUES (?, ?, ?, 'ENROLLED', ?, NULL, '34', 'test')""")
                .params(UUID.randomUUID(), child, unit, Date.valueOf(enrolledFrom)).update();
        String gm = outcome.equals("1B260") ? "NORMAL" : "SUSPECTED_DELAY";
        jdbc.sql("""
                INSERT INTO dspm_screening (id, child_id, province_code, screened_on, gm, fm, rl, el, ps, outcome_code,
                  recorded_by, recorded_at) VALUES (?, ?, '34', ?, ?, 'NORMAL', 'NORMAL', 'NORMAL', 'NORMAL', ?, 'test', ?)""")
                .params(UUID.randomUUID(), child, Date.valueOf(screenedOn), gm, outcome, Timestamp.from(Instant.now())).update();
        return child;
    }
}
