package org.tonkla.exchange.web;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tonkla.exchange.RecordLinkage;
import org.tonkla.identity.Users;
import org.tonkla.platform.DomainProblem;

/**
 * The review queue of record linkage ({@code /linkage}): pairs that may be one child, side by side, with the
 * evidence; merge or keep apart; merged pairs can be unmerged with a reason.
 */
@Controller
class LinkagePages {

    private final RecordLinkage linkage;
    private final Users users;

    LinkagePages(RecordLinkage linkage, Users users) {
        this.linkage = linkage;
        this.users = users;
    }

    @GetMapping("/linkage")
    String queue(Model model) {
        var user = users.require();
        model.addAttribute("reviews", linkage.reviews(user, 50));
        model.addAttribute("merged", linkage.merged(user, 20));
        return "exchange/linkage";
    }

    @PostMapping("/linkage/{id}/merge")
    String merge(@PathVariable UUID id, @RequestParam(defaultValue = "-1") int revision, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        return decided(() -> linkage.merge(id, revision, users.require()), "merged", model, response);
    }

    @PostMapping("/linkage/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "-1") int revision, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        return decided(() -> linkage.reject(id, revision, users.require()), "rejected", model, response);
    }

    @PostMapping("/linkage/{id}/unmerge")
    String unmerge(@PathVariable UUID id, @RequestParam(defaultValue = "-1") int revision,
            @RequestParam(defaultValue = "") String reason, Model model, jakarta.servlet.http.HttpServletResponse response) {
        if (reason.isBlank()) {
            response.setStatus(422);
            model.addAttribute("reasonMissing", id);
            return queue(model);
        }
        return decided(() -> linkage.unmerge(id, revision, users.require(), reason.strip()), "unmerged", model, response);
    }

    private String decided(Runnable step, String done, Model model, jakarta.servlet.http.HttpServletResponse response) {
        try {
            step.run();
            return "redirect:/linkage?done=" + done;
        } catch (org.tonkla.platform.Conflict e) {
            response.setStatus(409);
            model.addAttribute("problem", ((DomainProblem) e).messageKey());
            return queue(model);
        }
    }
}
