package org.tonkla.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tonkla.platform.AuditTrail;

/** The administrator's view of the audit trail ({@code /admin/**} is administrators only). */
@Controller
class AuditPages {

    private final AuditTrail audit;

    AuditPages(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String type, Model model) {
        model.addAttribute("events", audit.recent(actor, type, 500));
        model.addAttribute("actor", actor);
        model.addAttribute("type", type);
        return "platform/audit";
    }
}
