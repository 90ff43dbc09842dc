package org.tonkla.referral;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tonkla.consent.DataCategory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.platform.Refused;
import org.tonkla.recordbook.HealthNote;
import org.tonkla.recordbook.Immunization;
import org.tonkla.recordbook.Measurement;
import org.tonkla.recordbook.Need;
import org.tonkla.recordbook.RecordBook;
import org.tonkla.recordbook.Screening;
import org.tonkla.registry.ChildId;

/**
 * Minimum necessary: what the receiving unit sees of the child's record for a referral, the categories its need
 * type names and nothing else (a developmental referral shows growth and DSPM, not vaccines or notes). Read
 * through the record book and so the registry's kernel, with the purpose {@code referral}: the MOU's agreements
 * and consent apply and the family sees the read.
 */
@Component
public class ReferralRecord {

    /** The part of the record shown with a referral; lists are empty for categories not shown. */
    public record Shown(Set<DataCategory> categories, List<Measurement> measurements, List<Screening> screenings,
            List<Immunization> immunizations, List<HealthNote> notes, List<Need> needs) {}

    private final RecordBook book;
    private final ReferralAccess referrals;
    private final NeedTypes needTypes;

    ReferralRecord(RecordBook book, ReferralAccess referrals, NeedTypes needTypes) {
        this.book = book;
        this.referrals = referrals;
        this.needTypes = needTypes;
    }

    /**
     * The record as the receiving unit (or an escalation's supervisor) may see it for this referral; empty for the
     * referring unit (it has the child's own page), the family, and a receiver the kernel does not let read the child.
     */
    public Optional<Shown> forReceiver(Referral r, CurrentUser user) {
        var side = referrals.side(user, r);
        if (side != ReferralAccess.Side.RECEIVER && side != ReferralAccess.Side.SUPERVISOR) return Optional.empty();
        if (!r.status().isOpen() && r.status() != ReferralStatus.COMPLETED) return Optional.empty();
        ChildId child = new ChildId(r.childId());
        // The kernel decides: scope and agreements, or the open referral's grant (ReferralReach) for its need.
        Set<DataCategory> wanted = needTypes.type(r.needType()).map(NeedTypes.NeedType::categories).orElse(Set.of());
        try {
            var view = book.view(child, user, "referral");
            return Optional.of(new Shown(wanted,
                    wanted.contains(DataCategory.GROWTH) ? view.measurements() : List.of(),
                    wanted.contains(DataCategory.DEVELOPMENT) ? view.screenings() : List.of(),
                    wanted.contains(DataCategory.IMMUNIZATION) ? view.immunizations() : List.of(),
                    wanted.contains(DataCategory.HEALTH_NOTES) ? view.healthNotes() : List.of(),
                    view.needs().stream().filter(n -> needTypes.forNeed(n.key()).map(r.needType()::equals).orElse(false))
                            .toList()));
        } catch (Refused e) {
            return Optional.empty();
        }
    }
}
