package org.tonkla.registry;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.Validation;
import org.tonkla.registry.internal.ChildRows;

/** A child's guardians: the people who care for the child, optionally with a Tonkla account of their own. */
@Component
public class Guardians {

    private final JdbcClient jdbc;
    private final ChildAccess access;

    Guardians(JdbcClient jdbc, ChildAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * Links a guardian to a child.
     *
     * @throws org.tonkla.platform.InvalidInput naming {@code guardianGivenNameTh}, {@code guardianFamilyNameTh},
     *     {@code relationship} or {@code phone}
     */
    @Transactional
    public UUID addGuardian(ChildId child, String givenNameTh, String familyNameTh, String relationship, String phone,
            UUID userId, CurrentUser by) {
        return access.write(child, by, "registration", c -> {
            new Validation()
                .requiredText("guardianGivenNameTh", givenNameTh, 100)
                .requiredText("guardianFamilyNameTh", familyNameTh, 100)
                .requiredText("relationship", relationship, 50)
                .check(phone == null || phone.isBlank() || phone.strip().matches("[0-9+ ()-]{6,20}"), "phone",
                        "a phone number of 6 to 20 digits")
                .throwIfInvalid();
            UUID id = UUID.randomUUID();
            jdbc.sql("INSERT INTO guardian (id, given_name_th, family_name_th, phone, user_id, province_code) VALUES (?,?,?,?,?,?)")
                    .params(id, givenNameTh.strip(), familyNameTh.strip(), ChildRows.emptyToNull(phone), userId,
                            c.provinceCode())
                    .update();
            jdbc.sql("INSERT INTO child_guardian (child_id, guardian_id, relationship, province_code) VALUES (?,?,?,?)")
                    .params(child.value(), id, relationship.strip(), c.provinceCode()).update();
            return id;
        }, id -> "guardian added");
    }
}
