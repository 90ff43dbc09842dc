package org.tonkla.assessment.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tonkla.assessment.AssessmentRefused;
import org.tonkla.platform.Conflict;
import org.tonkla.platform.InvalidInput;

/** Carries a refusal, a conflict or a bad field across the redirect to the page that shows it. */
final class Flash {

    private Flash() {}

    static void refusal(RedirectAttributes redirect, AssessmentRefused e) {
        show(redirect, e.messageKey(), e.subjects());
    }

    /** Someone else changed the assessment since the page was shown: nothing of the request was saved. */
    static void conflict(RedirectAttributes redirect, Conflict e) {
        show(redirect, "assessment.error.changedMeanwhile", List.of());
    }

    /**
     * A hand-made form value, named on the page by its item: the form's field {@code level|1.2.2}
     * shows {@code assessment.error.field.level} about item 1.2.2.
     */
    static void invalid(RedirectAttributes redirect, InvalidInput e) {
        String field = e.field();
        int bar = field.indexOf('|');
        String name = bar < 0 ? field : field.substring(0, bar);
        List<String> subjects = bar < 0 ? List.of() : List.of(field.substring(bar + 1));
        show(redirect, switch (name) {
            case "plan.due" -> "assessment.error.planDate";
            case "level", "review", "decision", "revision", "note", "plan.action", "plan.owner", "capacity", "classrooms",
                 "ageGroups", "fullName", "staffRole", "qualification", "trainingHours" -> "assessment.error.field." + name;
            default -> "assessment.error.form";
        }, subjects);
    }

    /** Messages whose subjects are separate arguments ({0} the file, {1} the limit); the others list them in {0}. */
    private static final java.util.Set<String> POSITIONAL = java.util.Set.of("assessment.error.fileTooLarge");

    private static void show(RedirectAttributes redirect, String key, List<String> subjects) {
        redirect.addFlashAttribute("error", key);
        String[] args = POSITIONAL.contains(key) ? subjects.toArray(String[]::new)
                : new String[] {String.join(", ", new ArrayList<>(subjects))};
        redirect.addFlashAttribute("errorArgs", args);
    }
}
