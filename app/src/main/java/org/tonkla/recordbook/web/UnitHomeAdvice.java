package org.tonkla.recordbook.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnitType;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Users;
import org.tonkla.recordbook.UnitMonth;
import org.tonkla.registry.TransferReceipts;

/**
 * What the user of a unit needs on arrival (issue 10 §6) and the name of the unit's list (§8): a center or school
 * has a class, a health unit children it serves, a social office children in its care. On the home page only:
 * the links to the list and the work list, how many were weighed this month, and arrivals awaiting acknowledgement.
 */
@ControllerAdvice
class UnitHomeAdvice {

    /** The home page's unit card. */
    record UnitHome(UUID unitId, String listKey, int children, int weighed, int arrivalsAwaiting) {}

    private final Users users;
    private final Directory directory;
    private final UnitMonth month;
    private final TransferReceipts receipts;

    UnitHomeAdvice(Users users, Directory directory, UnitMonth month, TransferReceipts receipts) {
        this.users = users;
        this.directory = directory;
        this.month = month;
        this.receipts = receipts;
    }

    @ModelAttribute
    void unitHome(Model model, HttpServletRequest request) {
        var user = users.current().orElse(null);
        if (user == null || !(user.scope().unit() instanceof OrgUnit.ServiceUnit su) || !user.role().readsChildRecords()) return;
        var type = directory.serviceUnit(su.id()).map(u -> u.type()).orElse(null);
        String listKey = listKey(type);
        model.addAttribute("unitNav", listKey);
        if (!"/".equals(request.getRequestURI().substring(request.getContextPath().length()))) return;
        try {
            var weighing = month.weighing(su.id(), user);
            int arrivals = user.role().recordsChildren() ? receipts.awaitingAcknowledgement(su.id(), user) : 0;
            model.addAttribute("unitHome", new UnitHome(su.id(), listKey, weighing.children(), weighing.weighed(), arrivals));
        } catch (org.tonkla.platform.Refused e) {
            // A unit whose children the user may not list (no agreement): the home page simply has no unit card.
        }
    }

    static String listKey(ServiceUnitType type) {
        if (type == null) return "nav.roster";
        return switch (type) {
            case EARLY_CHILDHOOD_CENTER, KINDERGARTEN, SCHOOL -> "nav.roster.class";
            case SOCIAL_DEVELOPMENT_OFFICE -> "nav.roster.care";
            default -> "nav.roster.health";
        };
    }
}
