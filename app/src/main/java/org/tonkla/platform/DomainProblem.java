package org.tonkla.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The base of Tonkla's few domain failures: {@link Refused} (403), {@link NotFound} (404),
 * {@link InvalidInput} (400, naming each field and what was expected) and {@link Conflict} (409).
 * They are mapped once, to problem+json for the API ({@code ApiErrors}) and to the error page for
 * pages; anything else that escapes a controller is a bug and answers 500, never 400.
 */
public abstract class DomainProblem extends RuntimeException {

    private final String messageKey;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    protected DomainProblem(String messageKey, String detail) {
        super(detail, null, false, false); // no stack trace: these are answers, not bugs
        this.messageKey = messageKey;
    }

    /** The HTTP status this failure answers. */
    public abstract int status();

    /** Key of the message a page shows, in the bundles (e.g. {@code error.conflict.changed}). */
    public String messageKey() {
        return messageKey;
    }

    /** Extra members of the problem+json body (e.g. the candidates of a duplicate). */
    public Map<String, Object> properties() {
        return properties;
    }

    /** Adds a member to the problem+json body; returns this for chaining. */
    public DomainProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }
}
