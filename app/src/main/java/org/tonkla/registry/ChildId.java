package org.tonkla.registry;

import java.util.Objects;
import java.util.UUID;

/** A child's id in Tonkla; official identifiers are attributes, never this. In JSON it is the bare UUID. */
public record ChildId(@com.fasterxml.jackson.annotation.JsonValue UUID value) {
    public ChildId {
        Objects.requireNonNull(value, "value");
    }

    public static ChildId of(String text) {
        return new ChildId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
