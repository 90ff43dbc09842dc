package org.tonkla.registry.web;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.directory.Directory;
import org.tonkla.identity.Users;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;
import org.tonkla.registry.JoinRequests;

/**
 * {@code /units/{unit}/join-requests}: other units asking for children of this unit (approve or
 * decline), and this unit's own requests with their decisions.
 */
@Controller
class JoinRequestPages {

    private final JoinRequests joins;
    private final Users users;
    private final Directory directory;

    JoinRequestPages(JoinRequests joins, Users users, Directory directory) {
        this.joins = joins;
        this.users = users;
        this.directory = directory;
    }

    @GetMapping("/units/{unitId}/join-requests")
    String list(@PathVariable UUID unitId, @RequestParam(required = false) UUID asked, Model model) {
        var user = users.require();
        model.addAttribute("unit", directory.serviceUnit(unitId).orElseThrow(() -> new org.tonkla.platform.NotFound("unit")));
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("incoming", joins.incoming(unitId, user).stream()
                .map(r -> new IncomingRow(r, directory.serviceUnit(r.requestingUnitId()).map(u -> u.name(locale)).orElse("")))
                .toList());
        model.addAttribute("outgoing", joins.outgoing(unitId, user));
        model.addAttribute("asked", asked);
        return "registry/join-requests";
    }

    /** A request to decide, with the requesting unit's name. */
    record IncomingRow(JoinRequests.Incoming request, String unitName) {}

    @PostMapping("/units/{unitId}/join-requests/{id}")
    String decide(@PathVariable UUID unitId, @PathVariable UUID id, @RequestParam boolean approve,
            @RequestParam int revision, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            joins.decide(id, revision, approve, note, users.require());
            redirect.addFlashAttribute("saved", approve ? "approved" : "declined");
        } catch (Conflict e) {
            redirect.addFlashAttribute("conflict", e.messageKey());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorField", e.field());
        }
        return "redirect:/units/" + unitId + "/join-requests";
    }
}
