package org.tonkla.assessment.web;

import java.util.ArrayList;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.assessment.AssessmentRefused;

/** Carries a refusal across the redirect to the page that shows it. */
final class Flash {

    private Flash() {}

    static void refusal(RedirectAttributes redirect, AssessmentRefused e) {
        redirect.addFlashAttribute("error", e.messageKey());
        redirect.addFlashAttribute("errorSubjects", String.join(", ", new ArrayList<>(e.subjects())));
    }
}
