package org.tonkla.recordbook;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.consent.AccessLog;
import org.tonkla.consent.Consents;
import org.tonkla.consent.Purpose;
import org.tonkla.core.development.DspmSchedule;
import org.tonkla.core.development.DspmScreeningAge;
import org.tonkla.core.immunization.DoseStatus;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Role;
import org.tonkla.platform.Refused;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.CorrectionRequest;
import org.tonkla.registry.CorrectionRequests;

/**
 * The family's own view of their child (guardians only): the record book, what is due next, play at
 * home for the child's age, who else opened the record, the consent choices and the correction requests.
 * Opening it is one read in the access log (purpose {@code family-view}); the guardian's own reads are
 * counted apart from everyone else's.
 */
@Component
public class FamilyView {

    /** Tonkla's growth-check interval: the work lists flag a child not measured for three months. */
    static final int GROWTH_CHECK_MONTHS = 3;

    private final RecordBook book;
    private final Consents consents;
    private final CorrectionRequests corrections;
    private final Clock clock;
    private final org.tonkla.registry.ChildAccess access;
    private final AccessLog accessLog;

    FamilyView(RecordBook book, Consents consents, CorrectionRequests corrections, Clock clock,
            org.tonkla.registry.ChildAccess access, AccessLog accessLog) {
        this.access = access;
        this.accessLog = accessLog;
        this.book = book;
        this.consents = consents;
        this.corrections = corrections;
        this.clock = clock;
    }

    /** Something due for the child: a vaccine dose, a DSPM screening age or a growth check, with its days. */
    public record Due(Kind kind, String label, int months, LocalDate from, LocalDate by, boolean overdue) {
        public enum Kind { VACCINE, DSPM, GROWTH }
    }

    /** The consent in force for one purpose (consent is given until withdrawn only where recorded). */
    public record ConsentState(Purpose purpose, Boolean given, Consents.Choice latest) {}

    /**
     * @param others accesses by anyone but the guardian, newest first
     * @param ownViews how many times the guardian opened the record herself (shown apart, as a count)
     * @param summary the child's growth in plain words, at the top of the family page (issue 10 §6)
     */
    public record Family(BookView book, List<Due> due, List<HomeActivities.Activity> activities, int aimedAtMonths,
            List<AccessLog.Entry> others, long ownViews, List<ConsentState> consents, List<CorrectionRequest> requests,
            GrowthSummary summary) {}

    /** @throws Refused unless the user is the child's guardian */
    @Transactional
    public Family open(ChildId child, CurrentUser user) {
        if (user.role() != Role.GUARDIAN) throw new Refused("The family view is for the child's guardian");
        BookView v = book.view(child, user, "family-view");
        LocalDate today = LocalDate.now(clock);
        LocalDate dob = v.child().dateOfBirth();
        List<AccessLog.Entry> others = v.accessLog(); // the guardian's book lists the others' accesses only
        long ownViews = book.ownVisits(child, user);
        List<Consents.Choice> history = consents.history(child.value());
        List<ConsentState> states = new ArrayList<>();
        for (Purpose p : Purpose.values()) {
            var latest = history.stream().filter(c -> c.purpose() == p).findFirst().orElse(null);
            states.add(new ConsentState(p, latest == null ? null : latest.given(), latest));
        }
        List<Due> due = due(v, today);
        return new Family(v, due, HomeActivities.forChild(dob, today), HomeActivities.aimedAt(dob, today).months(),
                others, ownViews, states, corrections.ofChild(child, user), GrowthSummary.of(v, due));
    }

    /** Vaccines outstanding or due within a year, DSPM screening ages still ahead, the next growth check. */
    static List<Due> due(BookView v, LocalDate today) {
        List<Due> due = new ArrayList<>();
        for (DoseStatus d : v.vaccines().doses()) {
            boolean open = d.state() == DoseStatus.State.DUE || d.state() == DoseStatus.State.OVERDUE
                    || d.state() == DoseStatus.State.UPCOMING && !d.dueOn().isAfter(today.plusYears(1));
            if (open) {
                due.add(new Due(Due.Kind.VACCINE, d.dose().labelTh(), 0, d.dueOn(),
                        d.dose().lastDay(v.child().dateOfBirth()).orElse(null), d.state() == DoseStatus.State.OVERDUE));
            }
        }
        v.nextScreening().ifPresent(s -> due.add(new Due(Due.Kind.DSPM, null, s.age().months(), s.from(), s.by(),
                s.isOverdue(today))));
        for (DspmScreeningAge age : DspmScreeningAge.values()) {
            var window = DspmSchedule.NATIONAL.window(age, v.child().dateOfBirth());
            boolean listed = v.nextScreening().map(s -> s.age() == age).orElse(false);
            if (!listed && window.opens().isAfter(today)) {
                due.add(new Due(Due.Kind.DSPM, null, age.months(), window.opens(), window.closes(), false));
            }
        }
        LocalDate growth = v.measurements().isEmpty() ? today
                : v.measurements().getLast().measuredOn().plusMonths(GROWTH_CHECK_MONTHS);
        due.add(new Due(Due.Kind.GROWTH, null, 0, growth, null, growth.isBefore(today)));
        due.sort(Comparator.comparing(Due::from));
        return due;
    }

    /** The child and who else opened the record, newest first, as the family is shown it (issue 10 §6). */
    public record FamilyLog(org.tonkla.registry.Child child, List<AccessLog.Entry> others, long ownViews) {}

    /** The most entries the family's log page lists; older ones stay in the copy of the data. */
    static final int LOG_LIMIT = 2000;

    /**
     * The whole access log of the child as the family sees it: without the guardian's own views (counted apart)
     * and without what a {@link org.tonkla.consent.FamilyLogExceptions} withholds for now.
     *
     * @throws Refused unless the user is the child's guardian
     */
    @Transactional
    public FamilyLog accessLog(ChildId child, CurrentUser user) {
        if (user.role() != Role.GUARDIAN) throw new Refused("The family view is for the child's guardian");
        var file = access.open(child, user, "family-view");
        return new FamilyLog(file.child(), accessLog.entriesFor(child.value(), LOG_LIMIT, user.username()),
                book.ownVisits(child, user));
    }
}
