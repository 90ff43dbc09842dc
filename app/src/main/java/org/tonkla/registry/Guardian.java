package org.tonkla.registry;

import java.util.UUID;

/** A guardian of a child, as the child's file shows it. */
public record Guardian(UUID id, String givenNameTh, String familyNameTh, String relationship, String phone) {

    @Override
    public String toString() {
        return "Guardian[" + id + "]"; // no name or phone in log lines
    }
}
