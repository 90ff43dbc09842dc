package org.tonkla.assessment;

import java.util.UUID;
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
}
