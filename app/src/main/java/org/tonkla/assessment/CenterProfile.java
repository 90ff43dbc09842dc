package org.tonkla.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The Part 1 data a center keeps current beside its directory entry (type and affiliation).
 *
 * @param updatedAt {@code null} when the center has never filled it in
 */
public record CenterProfile(UUID unitId, String address, Integer capacity, Integer classrooms, boolean servesUnderThree,
        boolean servesThreeToSix, String updatedBy, Instant updatedAt, List<StaffMember> staff, List<Photo> photos) {

    /** A caregiver, teacher or other staff member. */
    public record StaffMember(UUID id, String fullName, StaffRole role, Qualification qualification, int trainingHours,
            CaresFor caresFor) {}

    /** A photo of the center. */
    public record Photo(UUID id, String sha256, String contentType, String caption, Instant uploadedAt) {}

    public enum StaffRole { HEAD, TEACHER, CAREGIVER, ASSISTANT, OTHER }

    /** Highest education: ECE = early-childhood education. */
    public enum Qualification { BELOW_SECONDARY, SECONDARY, DIPLOMA, BACHELOR_ECE, BACHELOR_OTHER, POSTGRADUATE }

    /** Which Standard-3 age group a staff member looks after, for the ratio of item 1.2.4. */
    public enum CaresFor { UNDER_THREE, THREE_TO_SIX, NONE }
}
