package org.tonkla.assessment;

import java.util.List;

/**
 * A step of the cycle that the rules do not allow, with a message key the page shows and the items
 * or fields it is about (e.g. the items still unrated).
 */
public class AssessmentRefused extends RuntimeException {

    private final String messageKey;
    private final List<String> subjects;

    public AssessmentRefused(String messageKey, List<String> subjects) {
        super(messageKey + (subjects.isEmpty() ? "" : " " + subjects));
        this.messageKey = messageKey;
        this.subjects = List.copyOf(subjects);
    }

    public AssessmentRefused(String messageKey) {
        this(messageKey, List.of());
    }

    /** Key in the assessment bundle, e.g. {@code assessment.error.unrated}. */
    public String messageKey() {
        return messageKey;
    }

    /** Item keys or field names the refusal is about, in catalogue order. */
    public List<String> subjects() {
        return subjects;
    }
}
