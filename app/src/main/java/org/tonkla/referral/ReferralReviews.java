package org.tonkla.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Refused;
import org.tonkla.referral.internal.ReferralRows;

/**
 * The officers' review of referrals made to a non-health agency without the guardian's consent, on a legal
 * basis (child protection, vital interest): the province's list, and marking one reviewed with who and when.
 * Marking is a compare-and-set: of two officers marking the same referral, the second is told it is done.
 */
@Component
public class ReferralReviews {

    /** A referral already reviewed: by whom (display name) and when. */
    public record Reviewed(UUID id, String needType, UUID fromUnit, UUID toUnit, LegalBasis basis, Instant createdAt,
            Instant reviewedAt, String reviewedBy) {}

    private final Referrals referrals;
    private final ReferralRows rows;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReferralReviews(Referrals referrals, ReferralRows rows, JdbcClient jdbc, Clock clock) {
        this.referrals = referrals;
        this.rows = rows;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Waiting for review in the officer's province. */
    public List<Referral> pending(CurrentUser user) {
        return referrals.reviewList(user);
    }

    /** The province's most recently reviewed referrals, newest first. */
    public List<Reviewed> reviewed(CurrentUser user, int limit) {
        return jdbc.sql("""
                SELECT id, need_type, from_unit, to_unit, legal_basis, created_at, reviewed_at, reviewed_by FROM referral
                WHERE review_needed AND reviewed_at IS NOT NULL AND province_code = ? ORDER BY reviewed_at DESC LIMIT ?""")
                .params(province(user), limit)
                .query((rs, i) -> new Reviewed(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), LegalBasis.valueOf(rs.getString(5)),
                        rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .list();
    }

    /**
     * Marks a referral of the officer's province reviewed. {@link NotFound} when it is not one waiting for review
     * in the province; {@link Conflict} ({@code referral.conflict.reviewed}) when another officer marked it first.
     */
    @Transactional
    public void markReviewed(UUID id, CurrentUser user) {
        String province = province(user);
        Referral r = rows.find(id).filter(x -> x.reviewNeeded() && province.equals(x.provinceCode()))
                .orElseThrow(() -> new NotFound("referral"));
        Instant now = Instant.now(clock);
        int changed = jdbc.sql("""
                UPDATE referral SET reviewed_at = ?, reviewed_by = ?
                WHERE id = ? AND review_needed AND reviewed_at IS NULL""")
                .params(Timestamp.from(now), user.displayName(), id).update();
        if (changed != 1) {
            throw new Conflict("referral.conflict.reviewed", "Another officer has already marked this referral reviewed");
        }
        rows.event(id, now, "reviewed", r.status(), user.id(), user.displayName(), null, null, null);
    }

    private static String province(CurrentUser user) {
        if (user.role() != Role.PROVINCIAL_OFFICER || !(user.scope().unit() instanceof OrgUnit.Area area)) {
            throw new Refused("Only provincial officers review referrals made without consent");
        }
        return area.code().substring(0, 2);
    }
}
