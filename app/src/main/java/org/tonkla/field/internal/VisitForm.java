package org.tonkla.field.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A home-visit submission as read from its XML (the home-visit form's instance): what the surveyor entered,
 * before any decision about what may be kept. {@code start} and {@code end} are the phone's timestamps of opening and
 * finalizing the form (form version 2026113001 on; null before), as the phone stated them: see {@link VisitTime}.
 */
public record VisitForm(String formId, String version, String instanceId, String subdistrict, String village,
        String houseNo, String outcome, Consent consent, Household household, List<ChildEntry> children, Instant start,
        Instant end) {

    /** The guardian's consent: who gave it, when, and for which purposes ({@code household}, {@code photos}, ...). */
    public record Consent(boolean given, String byName, String relation, LocalDate on, Set<String> purposes) {

        public boolean allows(String purpose) {
            return given && purposes.contains(purpose);
        }
    }

    public record Member(Integer age, String relation, String occupation, Integer income, String disability) {}

    /** The household part; {@code status} holds the 8 EEF items by their node names, multi-selects space separated. */
    public record Household(List<Member> members, Map<String, String> status, String photoFallback, String photoOutside,
            String photoInside, String photoChildSign, Double latitude, Double longitude, Double accuracy) {}

    /**
     * A child of the visit. {@code living}, {@code protection} (item codes) and {@code protectionReason} come with
     * form version 2026112901 (issue 17); null and empty in the first version.
     */
    public record ChildEntry(String givenName, String familyName, String sex, LocalDate dateOfBirth, String idType,
            String nationalId, String gCode, String noIdReason, String photo, Double weightKg, Double heightCm,
            String healthCoverage, String disability, String healthNotes, String living, List<String> protection,
            String protectionReason) {

        @Override
        public String toString() {
            return "ChildEntry[born " + dateOfBirth + "]"; // no name or identifier in logs
        }
    }

    /** The attachment file names the submission refers to. */
    public List<String> fileNames() {
        var names = new java.util.ArrayList<String>();
        if (household != null) {
            for (String n : new String[] {household.photoOutside(), household.photoInside(), household.photoChildSign()}) {
                if (n != null) names.add(n);
            }
        }
        for (ChildEntry c : children) if (c.photo() != null) names.add(c.photo());
        return names;
    }
}
