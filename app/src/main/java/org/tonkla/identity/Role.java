package org.tonkla.identity;

/**
 * The ten roles of DESIGN.md. Whether a role's scope also binds it to its agency's own service
 * units is a setting ({@code tonkla.scope.agency-bound-roles}), because the data-sharing rules
 * between the MOU agencies are not yet written down.
 */
public enum Role {
    CAREGIVER,
    CENTER_HEAD,
    HEALTH_WORKER,
    SURVEYOR,
    SOCIAL_WORKER,
    PROVINCIAL_OFFICER,
    COMMITTEE_MEMBER,
    AGENCY_ANALYST,
    GUARDIAN,
    ADMINISTRATOR;

    /**
     * Whether people in this role record facts about children they work with (register, measure,
     * screen, vaccinate, note); the other roles read: officers, committees, analysts, families.
     */
    public boolean recordsChildren() {
        return switch (this) {
            case CAREGIVER, CENTER_HEAD, HEALTH_WORKER, SURVEYOR, SOCIAL_WORKER -> true;
            default -> false;
        };
    }

    /**
     * Whether people in this role may open an individual child's record at all (scope decides which).
     * Agency analysts work with aggregates and agreed extracts, administrators with the platform: neither
     * reads a child's record (DESIGN.md, users).
     */
    public boolean readsChildRecords() {
        return this != AGENCY_ANALYST && this != ADMINISTRATOR;
    }

    /** Message-bundle key of the role's name, e.g. {@code role.PROVINCIAL_OFFICER}. */
    public String messageKey() {
        return "role." + name();
    }

    /** Spring Security authority, e.g. {@code ROLE_ADMINISTRATOR}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
