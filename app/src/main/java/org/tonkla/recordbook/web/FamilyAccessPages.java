package org.tonkla.recordbook.web;

import java.time.Clock;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tonkla.identity.Users;
import org.tonkla.recordbook.FamilyView;
import org.tonkla.registry.ChildId;

/**
 * The family's whole access log of a child ({@code /family/children/{id}/access}, the child's guardian only),
 * filtered by period, agency, service unit and purpose through the query string (issue 10 §6).
 */
@Controller
class FamilyAccessPages {

    private final FamilyView family;
    private final AccessRows rows;
    private final Users users;
    private final MessageSource messages;
    private final Clock clock;

    FamilyAccessPages(FamilyView family, AccessRows rows, Users users, MessageSource messages, Clock clock) {
        this.family = family;
        this.rows = rows;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/family/children/{id}/access")
    String access(@PathVariable UUID id, @RequestParam(required = false) String period,
            @RequestParam(required = false) String agency, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String purpose, Model model) {
        var locale = LocaleContextHolder.getLocale();
        var log = family.accessLog(new ChildId(id), users.require());
        var all = rows.of(log.others(), locale);
        var filter = AccessFilter.of(period, agency, unit, purpose);
        model.addAttribute("child", log.child());
        model.addAttribute("ownViews", log.ownViews());
        model.addAttribute("filter", filter);
        model.addAttribute("periods", AccessFilter.PERIODS);
        model.addAttribute("agencies", AccessFilter.choices(all, AccessRows.AccessRow::agencyCode, AccessRows.AccessRow::agencyName));
        model.addAttribute("units", AccessFilter.choices(all, AccessRows.AccessRow::unitId, AccessRows.AccessRow::unitName));
        model.addAttribute("purposes", AccessFilter.choices(all, AccessRows.AccessRow::purpose,
                r -> messages.getMessage("access.purpose." + r.purpose(), null, r.purpose(), locale)));
        model.addAttribute("accessRows", filter.apply(all, clock));
        return "family/access";
    }
}
