package org.tonkla.registry;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.consent.Consents;
import org.tonkla.consent.Purpose;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Role;
import org.tonkla.platform.Refused;
import org.tonkla.platform.Validation;

/**
 * The family's consent choices for a child, through the kernel: the guardian gives or withdraws consent
 * in the family view; staff who work with the child record a choice from the signed paper.
 */
@Component
public class FamilyConsents {

    private final ChildAccess access;
    private final Consents consents;

    FamilyConsents(ChildAccess access, Consents consents) {
        this.access = access;
        this.consents = consents;
    }

    /** Every choice recorded for the child, newest first (the read is logged). */
    @Transactional
    public List<Consents.Choice> history(ChildId child, CurrentUser user) {
        access.open(child, user, "consent");
        return consents.history(child.value());
    }

    /**
     * Records the guardian's choice for one purpose; a withdrawal stops reads for that purpose at the next
     * read. Staff must name who gave it and keep the signed paper ({@code evidenceSha256}).
     */
    @Transactional
    public void record(ChildId child, Purpose purpose, Boolean given, String givenBy, String evidenceSha256, String note,
            CurrentUser user) {
        if (user.role() == Role.GUARDIAN) {
            Child c = access.open(child, user, "consent").child();
            requireChoice(purpose, given);
            consents.record(child.value(), c.provinceCode(), purpose, given, user.displayName(), null, note, user);
            access.logWrite(user, child, c.provinceCode(), "consent", (given ? "given: " : "withdrawn: ") + purpose);
            return;
        }
        if (!user.role().recordsChildren()) throw new Refused("Only the family or staff who work with the child record consent");
        access.write(child, user, "consent", c -> {
            requireChoice(purpose, given);
            // Staff record the family's choice from the signed paper: who gave it, and the paper's photo.
            new Validation().requiredText("givenBy", givenBy, Validation.MAX_TEXT)
                    .check(evidenceSha256 != null && evidenceSha256.matches("[0-9a-f]{64}"), "evidenceSha256",
                            "the SHA-256 of the signed paper's photo in the file store").throwIfInvalid();
            return consents.record(child.value(), c.provinceCode(), purpose, given, givenBy, evidenceSha256, note, user);
        }, id -> (given ? "given: " : "withdrawn: ") + purpose);
    }

    private static void requireChoice(Purpose purpose, Boolean given) {
        new Validation().check(purpose != null, "purpose", "one of " + List.of(Purpose.values()))
                .check(given != null, "given", "true (consent) or false (withdrawal)").throwIfInvalid();
    }
}
