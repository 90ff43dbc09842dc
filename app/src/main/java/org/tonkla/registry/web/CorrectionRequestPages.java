package org.tonkla.registry.web;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.identity.Users;
import org.tonkla.registry.CorrectionRequests;

/**
 * {@code /units/{unitId}/correction-requests} ("คำขอแก้ไขข้อมูล"): what families asked this unit to correct,
 * for the unit's recorders, who correct the record as usual and then mark the request corrected or reject it.
 */
@Controller
class CorrectionRequestPages {

    private final CorrectionRequests requests;
    private final Users users;

    CorrectionRequestPages(CorrectionRequests requests, Users users) {
        this.requests = requests;
        this.users = users;
    }

    @GetMapping("/units/{unitId}/correction-requests")
    String list(@PathVariable UUID unitId, Model model) {
        model.addAttribute("requests", requests.ofUnit(unitId, users.require()));
        model.addAttribute("unitId", unitId);
        return "family/unit-requests";
    }

    @PostMapping("/units/{unitId}/correction-requests/{id}")
    String resolve(@PathVariable UUID unitId, @PathVariable UUID id, @RequestParam(defaultValue = "false") boolean corrected,
            @RequestParam(required = false) String resolution, @RequestParam int revision, RedirectAttributes redirect) {
        requests.resolve(unitId, id, users.require(), corrected, resolution, revision);
        redirect.addFlashAttribute("saved", corrected ? "correctionRequest.done.CORRECTED" : "correctionRequest.done.REJECTED");
        return "redirect:/units/" + unitId + "/correction-requests";
    }
}
