package org.tonkla.assessment;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tonkla.directory.Directory;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.ScopeCheck;
import org.tonkla.platform.Refused;

/**
 * Who may do what with a center's assessment. Viewing follows the user's scope; the center's head
 * and caregivers edit; only the head opens and submits; officers ({@link Role#PROVINCIAL_OFFICER},
 * province or district scope) review centers in their scope that are affiliated to their agency or
 * one below it, and officers of a coordinating agency ({@link AssessmentProperties#coordinatingAgencies()})
 * review every affiliation in their area.
 */
@Component
public class AssessmentAccess {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ScopeCheck scopes;
    private final AssessmentProperties properties;
    private final org.tonkla.consent.Agreements agreements;
    private final java.time.Clock clock;

    AssessmentAccess(JdbcClient jdbc, Directory directory, ScopeCheck scopes, AssessmentProperties properties,
            org.tonkla.consent.Agreements agreements, java.time.Clock clock) {
        this.agreements = agreements;
        this.clock = clock;
        this.jdbc = jdbc;
        this.directory = directory;
        this.scopes = scopes;
        this.properties = properties;
    }

    public boolean mayView(CurrentUser user, UUID unitId) {
        return scopes.mayActOn(user, OrgUnit.serviceUnit(unitId)) && agencyMay(user, unitId);
    }

    /**
     * A center's assessment is its agency's data (an MOU category): the user's agency must be the center's (or
     * above it), a coordinating agency, or hold an agreement releasing center assessments for monitoring.
     */
    private boolean agencyMay(CurrentUser user, UUID unitId) {
        String agency = user.scope().agencyCode();
        if (user.is(Role.ADMINISTRATOR) || agency == null || properties.coordinatingAgencies().contains(agency)) return true;
        var unit = directory.serviceUnit(unitId);
        if (unit.isEmpty()) return false;
        List<String> holder = directory.agencyLineage(unit.get().agencyCode());
        if (holder.contains(agency)) return true;
        return agreements.release(directory.agencyLineage(agency), List.of(holder),
                unit.get().subdistrictCode() == null ? unit.get().provinceCode() : unit.get().subdistrictCode(), null,
                org.tonkla.consent.Purpose.MONITORING, java.time.LocalDate.now(clock))
                .allows(org.tonkla.consent.DataCategory.CENTER_ASSESSMENT);
    }

    /** The center's head or a caregiver placed at it. */
    public boolean mayEdit(CurrentUser user, UUID unitId) {
        return (user.is(Role.CENTER_HEAD) || user.is(Role.CAREGIVER)) && ownUnit(user, unitId) && mayView(user, unitId);
    }

    /** Only the center's head submits and opens. */
    public boolean maySubmit(CurrentUser user, UUID unitId) {
        return user.is(Role.CENTER_HEAD) && ownUnit(user, unitId) && mayView(user, unitId);
    }

    /** An officer with an area scope over the center, of its agency (or above) or of a coordinating agency. */
    public boolean mayReview(CurrentUser user, UUID unitId) {
        if (!user.is(Role.PROVINCIAL_OFFICER) || !(user.scope().unit() instanceof OrgUnit.Area)) return false;
        if (!mayView(user, unitId)) return false;
        String agency = user.scope().agencyCode();
        if (agency == null) return false;
        if (properties.coordinatingAgencies().contains(agency)) return true;
        return directory.serviceUnit(unitId).map(u -> directory.agencyLineage(u.agencyCode()).contains(agency)).orElse(false);
    }

    /** Refuses unless the user's scope covers the center. */
    void requireView(CurrentUser user, UUID unitId) {
        scopes.requireActOn(user, OrgUnit.serviceUnit(unitId));
        if (!agencyMay(user, unitId)) throw new Refused("agreement.refused", "No agreement releases this center's assessment");
    }

    /** The center of an assessment the user may view; see {@link #unitOf}. */
    UUID requireViewAssessment(CurrentUser user, UUID assessmentId) {
        UUID unit = unitOf(assessmentId);
        requireView(user, unit);
        return unit;
    }

    void requireEdit(CurrentUser user, UUID assessmentId, String what) {
        if (!mayEdit(user, unitOf(assessmentId))) throw new Refused("Only the center's staff " + what);
    }

    void requireSubmit(CurrentUser user, UUID unitId) {
        if (!maySubmit(user, unitId)) throw new Refused("Only the center's head opens and submits its assessment");
    }

    void requireReview(CurrentUser user, UUID assessmentId) {
        if (!mayReview(user, unitOf(assessmentId))) throw new Refused("Not this center's reviewing officer");
    }

    /**
     * The center an assessment belongs to, read alone so that who may act on it is checked before
     * anything of it is loaded (loading computes figures from the children's records). An unknown
     * id is refused like one out of scope, so ids reveal nothing.
     */
    UUID unitOf(UUID assessmentId) {
        return jdbc.sql("SELECT unit_id FROM center_assessment WHERE id = ?").param(assessmentId).query(UUID.class)
                .optional().orElseThrow(() -> new Refused("No such assessment in the user's scope"));
    }

    private static boolean ownUnit(CurrentUser user, UUID unitId) {
        return user.scope().unit() instanceof OrgUnit.ServiceUnit own && own.id().equals(unitId);
    }
}
