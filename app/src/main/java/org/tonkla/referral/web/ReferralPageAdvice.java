package org.tonkla.referral.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Users;
import org.tonkla.platform.Refused;
import org.tonkla.referral.Box;
import org.tonkla.referral.NeedTypes;
import org.tonkla.referral.Referral;
import org.tonkla.referral.Referrals;

/**
 * What other modules' pages show of referrals, through fragments this module owns: the home page's queue counts
 * ({@code referral/home-counts}) and the child page's referrals with a "refer" button
 * ({@code referral/child-referrals}). Only those two pages pay for it: the advice applies to their controllers'
 * packages and answers null for any other route.
 */
@ControllerAdvice(basePackages = {"org.tonkla.platform.web", "org.tonkla.recordbook.web"})
class ReferralPageAdvice {

    /** The home page's counts of the user's unit. */
    record HomeCounts(UUID unit, Map<Box, Integer> counts) {}

    /**
     * The child page's part: the child's referrals the user is party to, whether the user may refer, and which
     * of the child's needs (by key) a referral answers.
     */
    record ChildReferrals(UUID childId, List<Referral> referrals, boolean mayRefer, NeedTypes needTypes,
            ReferralPages.UnitNames names) {
        public boolean referable(String needKey) {
            return mayRefer && needTypes.forNeed(needKey).isPresent();
        }
    }

    private final Referrals referrals;
    private final Users users;
    private final NeedTypes needTypes;
    private final Directory directory;

    ReferralPageAdvice(Referrals referrals, Users users, NeedTypes needTypes, Directory directory) {
        this.directory = directory;
        this.referrals = referrals;
        this.users = users;
        this.needTypes = needTypes;
    }

    @ModelAttribute("referralCounts")
    HomeCounts homeCounts(HttpServletRequest request) {
        if (!"/".equals(pattern(request))) return null;
        CurrentUser user = users.current().orElse(null);
        if (user == null || !(user.scope().unit() instanceof OrgUnit.ServiceUnit unit)
                || !user.role().readsChildRecords() || user.role() == Role.GUARDIAN) {
            return null;
        }
        try {
            return new HomeCounts(unit.id(), referrals.counts(unit.id(), user));
        } catch (Refused e) {
            return null;
        }
    }

    @ModelAttribute("childReferrals")
    ChildReferrals childReferrals(HttpServletRequest request) {
        if (!"/children/{id}".equals(pattern(request))) return null;
        CurrentUser user = users.current().orElse(null);
        if (user == null || !user.role().readsChildRecords() || user.role() == Role.GUARDIAN) return null;
        UUID child;
        try {
            child = UUID.fromString(String.valueOf(((Map<?, ?>) request.getAttribute(
                    HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)).get("id")));
        } catch (RuntimeException e) {
            return null;
        }
        try {
            boolean mayRefer = user.role().recordsChildren() && user.scope().unit() instanceof OrgUnit.ServiceUnit;
            return new ChildReferrals(child, referrals.ofChild(child, user), mayRefer, needTypes,
                    new ReferralPages.UnitNames(directory));
        } catch (Refused e) {
            return null;   // the page itself answers the refusal
        }
    }

    private static String pattern(HttpServletRequest request) {
        Object p = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return p == null ? null : p.toString();
    }
}
