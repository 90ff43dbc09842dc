package org.tonkla.assessment;

import java.util.List;
import org.tonkla.platform.Conflict;

/**
 * A step the cycle's rules do not allow in the assessment's present state (409), with a message key
 * the page shows and the items or fields it is about (e.g. the items still unrated). Being a
 * {@link Conflict}, it is mapped once with the platform's other domain failures.
 */
public class AssessmentRefused extends Conflict {

    private final List<String> subjects;

    public AssessmentRefused(String messageKey, List<String> subjects) {
        super(messageKey, messageKey + (subjects.isEmpty() ? "" : " " + subjects));
        this.subjects = List.copyOf(subjects);
    }

    public AssessmentRefused(String messageKey) {
        this(messageKey, List.of());
    }

    /** Item keys or field names the refusal is about, in catalogue order. */
    public List<String> subjects() {
        return subjects;
    }
}
