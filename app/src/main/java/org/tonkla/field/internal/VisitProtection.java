package org.tonkla.field.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tonkla.identity.CurrentUser;
import org.tonkla.protection.ProtectionScreenings;
import org.tonkla.protection.RiskRules;
import org.tonkla.registry.ChildId;

/**
 * What a home visit found of a child's living arrangement and protection (form version 2026112901), recorded as a
 * protection screening by the surveyor: the province's rule scores it, and a high risk opens a protection concern
 * routed to the provincial social development office (issue 17). The living arrangement is household data, kept only
 * with the guardian's consent for the household; the protection items need none (Child Protection Act B.E. 2546
 * s.29). Items the screening list does not know are left out rather than losing the child's whole record.
 */
@Component
class VisitProtection {

    /** The reason when a client sent items without one (the form requires it; the duty to report stands). */
    static final String NO_REASON = "พบจากการเยี่ยมบ้าน (found on a home visit; the surveyor gave no further detail)";

    private final ProtectionScreenings screenings;
    private final RiskRules rules;

    VisitProtection(ProtectionScreenings screenings, RiskRules rules) {
        this.screenings = screenings;
        this.rules = rules;
    }

    /** Records the screening when the visit found anything for it; the result, or null when there was nothing. */
    ProtectionScreenings.Outcome record(ChildId child, VisitForm.ChildEntry c, boolean householdConsent, CurrentUser user) {
        Set<String> items = new LinkedHashSet<>(c.protection() == null ? Set.of() : c.protection());
        items.retainAll(rules.items());
        String living = householdConsent && c.living() != null ? c.living().toUpperCase(Locale.ROOT) : null;
        if (items.isEmpty() && living == null) return null;
        String reason = c.protectionReason() == null || c.protectionReason().isBlank() ? NO_REASON : c.protectionReason();
        return screenings.record(child, new ProtectionScreenings.ScreeningInput(items, items.isEmpty() ? null : reason,
                living), user);
    }
}
