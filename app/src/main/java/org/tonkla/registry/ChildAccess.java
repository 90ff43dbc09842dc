package org.tonkla.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.consent.AccessLog;
import org.tonkla.consent.Agreements;
import org.tonkla.consent.BreakGlass;
import org.tonkla.consent.DataCategory;
import org.tonkla.consent.Purpose;
import org.tonkla.consent.Release;
import org.tonkla.directory.Directory;
import org.tonkla.core.thai.NationalId;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.ScopeCheck;
import org.tonkla.platform.PersonalDataCipher;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Refused;
import org.tonkla.registry.internal.ChildFiles;
import org.tonkla.registry.internal.ChildFiles.FileRow;

/**
 * The authorization kernel for children's personal data: "may this user, for this purpose, touch this
 * child?", the loading of the child's file and the access log, in one place. Every read and write of a
 * child's data in every module goes through {@link #open}, {@link #write} or, for lists, {@link #shown}.
 *
 * <p>The rule: a guardian reaches only their own child; agency analysts and administrators reach no
 * individual child; everyone else reaches a child enrolled or registered today at a unit inside their
 * scope, and area scopes (officers, social workers and committees of an area) also reach a child by where
 * the family lives. Only roles that record children write. Knowing an identifier grants nothing.
 */
@Component
public class ChildAccess {

    /** Roles that work with a child in person and so may see the full national ID on the child page. */
    private static final Set<Role> SEE_FULL_IDENTIFIER = EnumSet.of(Role.HEALTH_WORKER, Role.CENTER_HEAD,
            Role.CAREGIVER, Role.SOCIAL_WORKER, Role.GUARDIAN);

    private final ChildFiles files;
    private final ScopeCheck scopes;
    private final AccessLog log;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final Directory directory;
    private final Agreements agreements;
    private final BreakGlass breakGlass;
    private final List<ChildReachGrants> grants;

    ChildAccess(ChildFiles files, ScopeCheck scopes, AccessLog log, PersonalDataCipher cipher, Clock clock,
            Directory directory, Agreements agreements, BreakGlass breakGlass, List<ChildReachGrants> grants) {
        this.grants = List.copyOf(grants);
        this.files = files;
        this.scopes = scopes;
        this.log = log;
        this.cipher = cipher;
        this.clock = clock;
        this.directory = directory;
        this.agreements = agreements;
        this.breakGlass = breakGlass;
    }

    /**
     * Opens a child's file for reading: the rule, then one access-log entry with the purpose (and whether
     * the full national ID was shown).
     *
     * @throws Refused when the child is outside the user's reach
     * @throws NotFound when there is no such child (issue 10 §8: an unknown id answers 404, an existing
     *     child out of reach 403; child ids are random UUIDs, so a 404 gives away nothing guessable)
     */
    @Transactional
    public ChildFile open(ChildId id, CurrentUser user, String purpose) {
        FileRow row = files.load(id).orElseThrow(ChildAccess::unknown);
        if (Purpose.of(purpose) == Purpose.PROTECTION && user.role() != Role.COMMITTEE_MEMBER) {
            // Protection reads are withheld from the family (FamilyLogExceptions): only the protection roles a
            // module grants for this child may declare the purpose, else anyone could hide their reads from it.
            Release granted = granted(user, id, Purpose.PROTECTION);
            if (granted == null) throw new Refused("protection.refused", "Only a protection worker of the child reads for protection");
            return file(row, user, granted, purpose, null);
        }
        Release release = permits(user, row) ? release(user, row, Purpose.of(purpose)) : new Release(Set.of(), null);
        if (!release.allows(DataCategory.IDENTITY)) {
            // Outside scope or agreements: a grant of another module for this purpose (an open referral) may reach.
            Release granted = granted(user, id, Purpose.of(purpose));
            if (granted == null) {
                if (!permits(user, row)) throw new Refused("Child outside the user's scope");
                throw new Refused("agreement.refused", release.missing());
            }
            release = granted;
        }
        return file(row, user, release, purpose, null);
    }

    /** What the other modules' grants release, with identity (the reader must know whom); null for none. */
    private Release granted(CurrentUser user, ChildId id, Purpose purpose) {
        var categories = java.util.EnumSet.noneOf(DataCategory.class);
        for (ChildReachGrants grant : grants) categories.addAll(grant.grantedTo(user, id, purpose));
        if (categories.isEmpty()) return null;
        categories.add(DataCategory.IDENTITY);
        return new Release(categories, "only what the referral's need calls for");
    }

    /**
     * Opens a child's file in an emergency, outside scope and agreements: the reason is recorded for review
     * by the user's supervisors ({@link BreakGlass}) and the read is marked in the family's access log.
     * Only roles that work with children or officers may; never analysts, administrators or guardians.
     *
     * @throws org.tonkla.platform.InvalidInput naming {@code reason}
     */
    @Transactional
    public ChildFile breakGlass(ChildId id, CurrentUser user, String reason) {
        // People who work with children in person; officers, committees, analysts, administrators and families do not.
        if (!user.role().recordsChildren()) {
            throw new Refused("This role may not open a child's record, even in an emergency");
        }
        FileRow row = files.load(id).orElseThrow(ChildAccess::unknown);
        UUID review = breakGlass.record(id.value(), row.child().provinceCode(), reason, user);
        return file(row, user, Release.all(), "emergency", "break-glass " + review + ": " + reason.strip());
    }

    private ChildFile file(FileRow row, CurrentUser user, Release release, String purpose, String note) {
        Optional<String> full = SEE_FULL_IDENTIFIER.contains(user.role()) && row.sealedNationalId() != null
                ? Optional.of(new NationalId(cipher.decrypt(row.sealedNationalId())).formatted())
                : Optional.empty();
        String detail = note != null ? note : full.isPresent() ? "national ID shown" : null;
        log.record(user, row.child().id().value(), row.child().provinceCode(), AccessLog.Action.READ, purpose, detail);
        return new ChildFile(row.child(), release.allows(DataCategory.HOUSEHOLD) ? row.guardians() : List.of(),
                row.enrolments(), full, release);
    }

    /**
     * Runs {@code work} as a write to the child's record by {@code user}: the role must record children
     * and the child must be within reach; afterwards one WRITE entry with the purpose and the detail the
     * work returns ({@code detail} may be null).
     *
     * @throws Refused when the user may not write to this child's record
     * @throws NotFound when there is no such child
     */
    @Transactional
    public <T> T write(ChildId id, CurrentUser user, String purpose, Function<Child, T> work,
            Function<? super T, String> detail) {
        Child child = requireWrite(id, user, WRITES.getOrDefault(purpose, DataCategory.IDENTITY));
        T result = work.apply(child);
        log.record(user, id.value(), child.provinceCode(), AccessLog.Action.WRITE, purpose,
                detail == null ? null : detail.apply(result));
        return result;
    }

    private static NotFound unknown() {
        return new NotFound("child");
    }

    /** Whether the user may see and (if the role records) add to this child's record, for everyday care. */
    public boolean mayAccess(CurrentUser user, ChildId child) {
        return files.load(child).map(row -> permits(user, row)
                && release(user, row, Purpose.CARE).allows(DataCategory.IDENTITY)).orElse(false);
    }

    /** Whether the user may write to this child's record. */
    public boolean mayWrite(CurrentUser user, ChildId child) {
        return user.role().recordsChildren() && files.load(child).map(row -> serves(user, row, false)
                && release(user, row, Purpose.CARE, false).allows(DataCategory.IDENTITY)).orElse(false);
    }

    /**
     * Logs that {@code user} was shown these children in a list (roster, work list, search results,
     * duplicate candidates, arrivals): one READ entry per child, in one statement.
     */
    public void shown(CurrentUser user, List<Child> children, String purpose) {
        log.recordAll(user, children.stream().map(c -> c.id().value()).toList(),
                children.stream().map(Child::provinceCode).toList(), AccessLog.Action.READ, purpose);
    }

    /**
     * Requires that the user may list the children of a service unit: in scope, and a role that reads
     * children's records at all.
     */
    public void requireUnitList(CurrentUser user, UUID unitId) {
        if (!user.role().readsChildRecords()) throw new Refused("This role reads no child's record");
        if (!scopes.mayActOn(user, OrgUnit.serviceUnit(unitId))) throw new Refused("Unit outside the user's scope");
        requireAgencyReach(user, unitId);
    }

    /**
     * A unit's children are the data of the unit's agency: the user's agency must be the unit's (or above it), or
     * hold an agreement with it releasing identity for care. Scope alone (an area) does not reach another agency.
     */
    private void requireAgencyReach(CurrentUser user, UUID unitId) {
        var placement = directory.placementOf(OrgUnit.serviceUnit(unitId));
        Release release = agreements.release(agenciesOf(user), List.of(placement.map(p -> p.agencyLineage()).orElse(List.of())),
                placement.map(p -> p.areaCode()).orElse(""), null, Purpose.CARE, LocalDate.now(clock));
        if (!release.allows(DataCategory.IDENTITY)) throw new Refused("agreement.refused", release.missing());
    }

    /** Requires that the user records children and works at (or above) this unit. */
    public void requireRecorderAt(CurrentUser user, UUID unitId) {
        if (!user.role().recordsChildren()) throw new Refused("This role reads children's records only");
        if (!scopes.mayActOn(user, OrgUnit.serviceUnit(unitId))) throw new Refused("Unit outside the user's scope");
        requireAgencyReach(user, unitId);
    }

    /**
     * The category each kind of write adds to: an agency may write only what its agreements let it see (a
     * partner with an agreement for growth does not record screenings or vaccines).
     */
    private static final java.util.Map<String, DataCategory> WRITES = java.util.Map.of(
            "growth", DataCategory.GROWTH, "screening", DataCategory.DEVELOPMENT,
            "immunization", DataCategory.IMMUNIZATION, "health-note", DataCategory.HEALTH_NOTES,
            "registration", DataCategory.HOUSEHOLD, "photo", DataCategory.PHOTOS);

    /** The child for a write by {@code user}, after the rule; package use: the registry's own writers log themselves. */
    Child requireWrite(ChildId id, CurrentUser user) {
        return requireWrite(id, user, DataCategory.IDENTITY);
    }

    private Child requireWrite(ChildId id, CurrentUser user, DataCategory category) {
        if (!user.role().recordsChildren()) throw new Refused("This role reads children's records only");
        FileRow row = files.load(id).orElseThrow(ChildAccess::unknown);
        // A unit that sent the child on reads until the move is acknowledged, but writes no more.
        if (!serves(user, row, false)) throw new Refused("Child outside the user's scope");
        Release release = release(user, row, Purpose.CARE, false);
        if (!release.allows(DataCategory.IDENTITY) || !release.allows(category)) {
            throw new Refused("agreement.refused", release.missing());
        }
        return row.child();
    }

    /**
     * What the MOU lets this user see of the child for the purpose: everything for the child's guardian and
     * for the agencies serving the child now; otherwise what the agreements of the user's agency release.
     */
    Release release(CurrentUser user, FileRow row, Purpose purpose) {
        return release(user, row, purpose, true);
    }

    private Release release(CurrentUser user, FileRow row, Purpose purpose, boolean reading) {
        if (user.role() == Role.GUARDIAN) return Release.all();
        LocalDate today = LocalDate.now(clock);
        List<List<String>> holders = (reading ? row.readersOn(today) : row.unitsOn(today)).stream()
                .map(unit -> directory.placementOf(OrgUnit.serviceUnit(unit)).map(p -> p.agencyLineage()).orElse(List.of()))
                .toList();
        String area = row.homeSubdistrict() != null ? row.homeSubdistrict() : row.child().provinceCode();
        return agreements.release(agenciesOf(user), holders, area, row.child().id().value(), purpose, today);
    }

    /** The user's agency and those above it, nearest first; empty for users of no agency. */
    private List<String> agenciesOf(CurrentUser user) {
        String agency = user.scope().agencyCode();
        return agency == null ? List.of() : directory.agencyLineage(agency);
    }

    /** The stored file, for the registry's own use cases that must decide on it (joins, transfers). */
    Optional<FileRow> file(ChildId id) {
        return files.load(id);
    }

    void logWrite(CurrentUser user, ChildId child, String provinceCode, String purpose, String detail) {
        log.record(user, child.value(), provinceCode, AccessLog.Action.WRITE, purpose, detail);
    }

    boolean permits(CurrentUser user, FileRow row) {
        return serves(user, row, true);
    }

    /** The scope rule, for reading (a sending unit awaiting acknowledgement included) or for writing. */
    private boolean serves(CurrentUser user, FileRow row, boolean reading) {
        if (user.role() == Role.GUARDIAN) return row.guardianUsers().contains(user.id());
        if (!user.role().readsChildRecords()) return false;
        LocalDate today = LocalDate.now(clock);
        for (UUID unit : reading ? row.readersOn(today) : row.unitsOn(today)) {
            if (scopes.mayActOn(user, OrgUnit.serviceUnit(unit))) return true;
        }
        return row.homeSubdistrict() != null && !(user.scope().unit() instanceof OrgUnit.ServiceUnit)
                && scopes.mayActOn(user, OrgUnit.area(row.homeSubdistrict()));
    }
}
