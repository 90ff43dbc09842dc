package org.tonkla.platform;

import java.util.List;
import java.util.Objects;

/**
 * One or more fields are wrong: 400, each named with what was expected. The field name is also the
 * page's message key suffix, so forms can show the error next to the input.
 */
public class InvalidInput extends DomainProblem {

    /** A bad field and, in English for API clients, what was expected there. */
    public record FieldError(String field, String expected) {
        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(expected, "expected");
        }
    }

    private final List<FieldError> errors;
    /** The page's message; the API's {@code code} stays {@code error.400}. */
    private final String pageMessageKey;

    public InvalidInput(List<FieldError> errors) {
        super("error.400", errors.isEmpty() ? "Invalid input" : describe(errors));
        if (errors.isEmpty()) throw new IllegalArgumentException("at least one field error");
        this.errors = List.copyOf(errors);
        this.pageMessageKey = messageKey();
    }

    public InvalidInput(String field, String expected) {
        this(List.of(new FieldError(field, expected)));
    }

    private InvalidInput(String pageMessageKey, FieldError error) {
        super("error.400", describe(List.of(error)));
        this.errors = List.of(error);
        this.pageMessageKey = pageMessageKey;
    }

    /** The message a page shows: {@link #messageKey()}, or the sentence given to {@link #explained}. */
    public String pageMessageKey() {
        return pageMessageKey;
    }

    /**
     * One bad field whose page message is {@code messageKey} (a sentence in the bundles that says in Thai what the field
     * needs) rather than the generic one with the English {@code expected}, which API clients still get.
     */
    public static InvalidInput explained(String messageKey, String field, String expected) {
        return new InvalidInput(messageKey, new FieldError(field, expected));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The first bad field: the one a page puts its message next to. */
    public String field() {
        return errors.getFirst().field();
    }

    @Override
    public int status() {
        return 400;
    }

    private static String describe(List<FieldError> errors) {
        var first = errors.getFirst();
        return first.field() + ": expected " + first.expected()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    }
}
