package org.tonkla.protection;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.consent.DataCategory;
import org.tonkla.core.immunization.DoseStatus;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Role;
import org.tonkla.platform.NotFound;
import org.tonkla.platform.Refused;
import org.tonkla.protection.internal.ConcernRows;
import org.tonkla.recordbook.BookView;
import org.tonkla.recordbook.HealthNote;
import org.tonkla.recordbook.Measurement;
import org.tonkla.recordbook.RecordBook;
import org.tonkla.recordbook.Screening;
import org.tonkla.referral.Referral;
import org.tonkla.referral.Referrals;
import org.tonkla.registry.Child;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.Enrolment;
import org.tonkla.registry.Guardian;

/**
 * The whole child (issue 17 §4): where and with whom the child lives, health and development, education and what is
 * open across agencies, on one page, for those who work with the child. The child is opened once through the
 * registry's kernel (via the record book) for the purpose {@link #PURPOSE} (everyday care in the MOU), so the read is
 * in the family's log; each part is filled only when the release covers its category, otherwise it says it is
 * withheld and holds nothing. Referrals are those the user's unit is party to, as everywhere. Household income shows
 * as the equity eligibility the field survey reports through the record book's needs; the amounts are not public.
 */
@Component
public class WholeChild {

    /** The declared purpose in the access log. */
    public static final String PURPOSE = "whole-child";

    /** The protection items that describe the living arrangement (a household fact, not the protection concern). */
    static final Set<String> LIVING_ITEMS = Set.of("not-with-parents", "caregiver-unable");

    /**
     * What the field survey's household screening found, as it tells the record book (its public {@code NeedSource}):
     * eligibility for the EEF equity fund and the child support grant, both income tests. The income itself is not
     * published by the field module.
     */
    static final List<String> EQUITY_NEEDS = List.of("need.field.eef", "need.field.csg");

    /** A part of the view: {@code withheld} means the user's agreements do not cover it (nothing else is said). */
    public record Part<T>(boolean withheld, T value) {
        static <T> Part<T> of(boolean shown, java.util.function.Supplier<T> value) {
            return shown ? new Part<>(false, value.get()) : new Part<>(true, null);
        }
    }

    /**
     * Caregivers on record, the living arrangement last recorded (null when none was) and, for protection roles
     * only, the living-arrangement items of the latest protection screening (empty for everyone else).
     */
    public record Living(List<Guardian> guardians, LivingArrangement arrangement, List<String> items) {}

    /** The latest of each record, null when there is none (or not released); doses due or overdue. */
    public record Health(Measurement growth, Screening development, int vaccinesDue, List<HealthNote> openNotes) {}

    /** {@code released}: the names of the data categories the user's agreements cover, for the health lines. */
    public record View(Child child, Set<String> released, Part<Living> living, Part<Health> health, Part<List<Enrolment>> education,
            Part<List<String>> equity, Part<List<String>> needs, List<Referral> openReferrals) {}

    private final ChildAccess access;
    private final RecordBook books;
    private final Referrals referrals;
    private final ConcernRows rows;
    private final org.tonkla.protection.internal.ProtectionWorkers workers;

    WholeChild(ChildAccess access, RecordBook books, Referrals referrals, ConcernRows rows,
            org.tonkla.protection.internal.ProtectionWorkers workers) {
        this.workers = workers;
        this.access = access;
        this.books = books;
        this.referrals = referrals;
        this.rows = rows;
    }

    /**
     * The view, the read logged with {@link #PURPOSE}.
     *
     * @throws Refused for guardians
     * @throws NotFound when the child is outside the user's reach (an id tells nothing about whether a child exists)
     */
    @Transactional
    public View view(ChildId id, CurrentUser user) {
        // The family has its own record book; this page also shows what a protection screening found of the home.
        if (user.role() == Role.GUARDIAN) throw new Refused("The whole-child view is for those who work with the child");
        // The protection worker of the child (the office a concern was routed to) reads it for protection: what the
        // grant releases, logged and withheld from the family like every protection view. Subcommittee members read
        // the concern itself; this page stays with those who work with the child.
        boolean protection = protectionRole(user, id);
        boolean care = access.mayAccess(user, id);
        if (!care && !(protection && atOffice(user, id))) throw new NotFound("child");
        BookView book = books.view(id, user, care ? PURPOSE : Concerns.PURPOSE);
        var file = book.file();
        Part<Living> living = Part.of(file.shows(DataCategory.HOUSEHOLD), () -> new Living(file.guardians(),
                LivingArrangement.parse(rows.latestLiving(id.value())).orElse(null),
                // The screening's items are protection findings: only for protection roles, the arrangement for all.
                protection ? rows.latestItems(id.value()).stream().filter(LIVING_ITEMS::contains).toList()
                        : List.of()));
        boolean health = file.shows(DataCategory.GROWTH) || file.shows(DataCategory.DEVELOPMENT)
                || file.shows(DataCategory.IMMUNIZATION) || file.shows(DataCategory.HEALTH_NOTES);
        Part<Health> healthPart = Part.of(health, () -> new Health(
                file.shows(DataCategory.GROWTH) ? last(book.measurements()) : null,
                file.shows(DataCategory.DEVELOPMENT) ? last(book.screenings()) : null,
                file.shows(DataCategory.IMMUNIZATION) ? (int) book.vaccines().doses().stream()
                        .filter(d -> d.state() == DoseStatus.State.DUE || d.state() == DoseStatus.State.OVERDUE).count() : 0,
                file.shows(DataCategory.HEALTH_NOTES)
                        ? book.healthNotes().stream().filter(n -> n.resolvedOn() == null).toList() : List.of()));
        Part<List<Enrolment>> education = Part.of(file.shows(DataCategory.IDENTITY), file::enrolments);
        Part<List<String>> needs = Part.of(health, () -> book.needs().stream().map(n -> n.key()).toList());
        // Referrals are care work the user's unit is party to; the protection path shows none (the concern is the case).
        List<Referral> open = care ? referrals.ofChild(id.value(), user).stream().filter(r -> r.status().isOpen()).toList()
                : List.of();
        Set<String> released = java.util.Arrays.stream(DataCategory.values()).filter(file::shows).map(Enum::name)
                .collect(java.util.stream.Collectors.toSet());
        Part<List<String>> equity = Part.of(file.shows(DataCategory.HOUSEHOLD), () -> book.needs().stream()
                .map(n -> n.key()).filter(k -> EQUITY_NEEDS.stream().anyMatch(k::startsWith)).toList());
        return new View(file.child(), released, living, healthPart, education, equity, needs, open);
    }

    /** Whether the user works on a concern of the child (open, or closed for its office's own workers). */
    private boolean protectionRole(CurrentUser user, ChildId id) {
        return rows.ofChild(id.value()).stream().anyMatch(c -> c.status() != Concern.Status.CLOSED
                ? workers.worksOn(user, c) : workers.atOffice(user, c));
    }

    private boolean atOffice(CurrentUser user, ChildId id) {
        return rows.ofChild(id.value()).stream().anyMatch(c -> workers.atOffice(user, c));
    }

    private static <T> T last(List<T> list) {
        return list.isEmpty() ? null : list.getLast();
    }
}
