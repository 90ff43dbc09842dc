package org.tonkla.assessment.web;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.assessment.AssessmentRefused;
import org.tonkla.assessment.Reminders;
import org.tonkla.identity.Users;

/**
 * Issue 10 §6: the officer's "remind" button on the monitoring list, beside each center that has not handed
 * in this year's self-assessment. Back to the list the officer was looking at, saying what happened.
 */
@Controller
class ReminderPages {

    private final Reminders reminders;
    private final Users users;

    ReminderPages(Reminders reminders, Users users) {
        this.reminders = reminders;
        this.users = users;
    }

    @PostMapping("/assessment/centers/{unitId}/remind")
    String remind(@PathVariable UUID unitId, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            reminders.remind(unitId, users.require());
            redirect.addFlashAttribute("done", "assessment.reminder.sent");
        } catch (AssessmentRefused e) {
            Flash.refusal(redirect, e);
        }
        // Only back to the monitoring page: the parameter must not lead anywhere else.
        boolean safe = back != null && back.matches("/assessment/monitoring(\\?[A-Za-z0-9=&_%.-]*)?");
        return "redirect:" + (safe ? back : "/assessment/monitoring");
    }
}
