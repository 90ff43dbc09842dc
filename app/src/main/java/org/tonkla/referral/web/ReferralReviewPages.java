package org.tonkla.referral.web;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Users;
import org.tonkla.platform.Conflict;
import org.tonkla.referral.ReferralReviews;

/** The provincial officers' review list of referrals made on a legal basis, and marking one reviewed. */
@Controller
class ReferralReviewPages {

    private final ReferralReviews reviews;
    private final Users users;
    private final Directory directory;

    ReferralReviewPages(ReferralReviews reviews, Users users, Directory directory) {
        this.reviews = reviews;
        this.users = users;
        this.directory = directory;
    }

    @GetMapping("/referrals/reviews")
    String list(Model model) {
        CurrentUser user = users.require();
        model.addAttribute("rows", reviews.pending(user));
        model.addAttribute("done", reviews.reviewed(user, 50));
        model.addAttribute("names", new ReferralPages.UnitNames(directory));
        return "referral/reviews";
    }

    @PostMapping("/referrals/{id}/review")
    String markReviewed(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            reviews.markReviewed(id, users.require());
            redirect.addFlashAttribute("saved", "reviewed");
        } catch (Conflict e) {
            redirect.addFlashAttribute("conflict", e.messageKey());
        }
        return "redirect:/referrals/reviews";
    }
}
