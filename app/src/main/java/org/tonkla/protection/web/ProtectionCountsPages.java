package org.tonkla.protection.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tonkla.identity.Users;
import org.tonkla.protection.ProtectionCounts;

/** The officer's planning table of vulnerable children by district and risk item (issue 17 §6). */
@Controller
class ProtectionCountsPages {

    private final ProtectionCounts counts;
    private final Users users;

    ProtectionCountsPages(ProtectionCounts counts, Users users) {
        this.counts = counts;
        this.users = users;
    }

    @GetMapping("/protection/counts")
    String counts(Model model) {
        model.addAttribute("table", counts.of(users.require())).addAttribute("minShown", ProtectionCounts.MIN_SHOWN);
        return "protection/counts";
    }
}
