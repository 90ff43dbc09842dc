package org.tonkla.registry;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A child as the registry keeps it. The national ID is never here in full: {@code maskedIdentifier}
 * shows its last digits only; {@link ChildAccess#open} gives the full value to roles
 * that need it, and logs that it did.
 *
 * @param photoSha256 the child's photo in the platform's file store, if one was taken
 */
public record Child(ChildId id, String givenNameTh, String familyNameTh, String givenNameEn, String familyNameEn,
        Sex sex, LocalDate dateOfBirth, String nationality, IdentifierType identifierType, String maskedIdentifier,
        String noIdentifierReason, UUID householdId, String provinceCode, String photoSha256) {

    public enum IdentifierType { NATIONAL_ID, G_CODE, NONE }

    public String fullNameTh() {
        return givenNameTh + " " + familyNameTh;
    }

    public String fullName(java.util.Locale locale) {
        if ("en".equals(locale.getLanguage()) && givenNameEn != null && !givenNameEn.isBlank()) {
            return givenNameEn + " " + (familyNameEn == null ? "" : familyNameEn);
        }
        return fullNameTh();
    }
}
