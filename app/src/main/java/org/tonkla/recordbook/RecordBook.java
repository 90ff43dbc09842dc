package org.tonkla.recordbook;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.consent.AccessLog;
import org.tonkla.consent.DataCategory;
import org.tonkla.core.development.DspmSchedule;
import org.tonkla.core.development.DspmScreening;
import org.tonkla.core.development.ScreeningDue;
import org.tonkla.core.immunization.EpiSchedule;
import org.tonkla.core.immunization.GivenDose;
import org.tonkla.core.immunization.VaccinationStatus;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.Role;
import org.tonkla.recordbook.internal.EntryRows;
import org.tonkla.registry.ChildAccess;
import org.tonkla.registry.ChildId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a child's whole record book: the registry's file (through {@link ChildAccess}, which checks
 * and logs) and this module's entries, in two queries and one transaction. The entries are written by
 * {@link Growth}, {@link Screenings}, {@link Immunizations} and {@link HealthNotes}.
 */
@Component
public class RecordBook {

    /** The national EPI schedule the vaccine card and work lists follow (core, with its source). */
    public static final EpiSchedule SCHEDULE = EpiSchedule.thaiNational();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChildAccess access;
    private final AccessLog accessLog;
    private final JsonMapper json;
    private final List<NeedSource> otherNeeds;

    RecordBook(JdbcClient jdbc, Clock clock, ChildAccess access, AccessLog accessLog, JsonMapper json,
            List<NeedSource> otherNeeds) {
        this.otherNeeds = List.copyOf(otherNeeds);
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
        this.accessLog = accessLog;
        this.json = json;
    }

    /**
     * The record book of a child, after the access check; the read is logged with {@code purpose}. The
     * family sees who opened it.
     */
    @Transactional
    public BookView view(ChildId childId, CurrentUser user, String purpose) {
        return book(access.open(childId, user, purpose), user);
    }

    /**
     * The record book opened in an emergency, outside scope and agreements ({@link ChildAccess#breakGlass}):
     * the reason goes to the user's supervisors for review and the read is marked in the family's log.
     */
    @Transactional
    public BookView viewInEmergency(ChildId childId, CurrentUser user, String reason) {
        return book(access.breakGlass(childId, user, reason), user);
    }

    private BookView book(org.tonkla.registry.ChildFile file, CurrentUser user) {
        var child = file.child();
        var childId = child.id();
        LocalDate today = LocalDate.now(clock);
        Entries e = entries(childId).shownIn(file);
        var vaccines = SCHEDULE.statusOf(child.dateOfBirth(), today, e.givenDoses());
        var next = DspmSchedule.NATIONAL.nextDue(child.dateOfBirth(), today, e.history());
        return new BookView(file, e.measurements(), e.screenings(), e.immunizations(), vaccines, e.notes(),
                java.util.stream.Stream.concat(needs(e.measurements(), e.screenings(), vaccines, next, today).stream(),
                        otherNeeds.stream().flatMap(source -> source.needsOf(childId, today).stream()))
                        .filter(n -> shown(file, n)).toList(),
                file.shows(DataCategory.DEVELOPMENT) ? next : Optional.empty(),
                // The family reads who else opened the record; its own visits are counted apart (issue 10 §8).
                user.role() == Role.GUARDIAN ? accessLog.entriesFor(childId.value(), 200, user.username()) : List.of());
    }

    /** A need is shown only with the category it comes from. */
    private static boolean shown(org.tonkla.registry.ChildFile file, Need need) {
        String key = need.key();
        if (key.startsWith("growth.") || key.startsWith("need.growth")) return file.shows(DataCategory.GROWTH);
        if (key.startsWith("need.dspm")) return file.shows(DataCategory.DEVELOPMENT);
        if (key.startsWith("need.vaccine")) return file.shows(DataCategory.IMMUNIZATION);
        if (key.startsWith("need.field")) return file.shows(DataCategory.HOUSEHOLD);
        return true;
    }

    /** How many times the user opened the child's record (the family's own visits, shown apart). */
    long ownVisits(ChildId childId, CurrentUser user) {
        return accessLog.countBy(childId.value(), user.username());
    }

    /** Whether the user's role adds to record books at all (scope is checked per child). */
    public boolean mayWrite(CurrentUser user) {
        return user.role().recordsChildren();
    }

    /**
     * Whether the user may add to this child's record book now: a unit that sent the child on reads it until
     * the receiving unit acknowledges, but writes no more (issue 10 §3).
     */
    public boolean mayWrite(CurrentUser user, ChildId child) {
        return access.mayWrite(user, child);
    }

    /**
     * What must be handed over about a child on {@code day}: needs and unresolved health notes. For the
     * handover the record book writes when it hears of a transfer (a system task, no user).
     */
    Handover handover(ChildId childId, java.time.LocalDate dateOfBirth, LocalDate day) {
        Entries e = entries(childId);
        var vaccines = SCHEDULE.statusOf(dateOfBirth, day, e.givenDoses());
        var next = DspmSchedule.NATIONAL.nextDue(dateOfBirth, day, e.history());
        return new Handover(needs(e.measurements(), e.screenings(), vaccines, next, day),
                e.notes().stream().filter(n -> n.resolvedOn() == null).toList());
    }

    record Handover(List<Need> needs, List<HealthNote> openNotes) {}

    /** Everything this module holds about one child, current entries only, oldest first. */
    private record Entries(List<Measurement> measurements, List<Screening> screenings, List<Immunization> immunizations,
            List<HealthNote> notes) {

        List<GivenDose> givenDoses() {
            return immunizations.stream().map(i -> new GivenDose(i.vaccineCode(), i.givenOn())).toList();
        }

        List<DspmScreening> history() {
            return screenings.stream().map(x -> DspmScreening.of(x.screenedOn(), x.domains())).toList();
        }

        /** Only the categories the file's release covers (the MOU's minimum necessary). */
        Entries shownIn(org.tonkla.registry.ChildFile file) {
            return new Entries(file.shows(DataCategory.GROWTH) ? measurements : List.of(),
                    file.shows(DataCategory.DEVELOPMENT) ? screenings : List.of(),
                    file.shows(DataCategory.IMMUNIZATION) ? immunizations : List.of(),
                    file.shows(DataCategory.HEALTH_NOTES) ? notes : List.of());
        }
    }

    private Entries entries(ChildId childId) {
        return jdbc.sql("""
                SELECT
                  (SELECT coalesce(json_agg(row_to_json(m) ORDER BY m.measured_on, m.recorded_at), '[]') FROM (
                     SELECT id, measured_on, age_days, weight_kg, length_cm, position, head_cm, arm_cm, oedema, z_wfa,
                            z_lhfa, z_wflh, z_bfa, z_hcfa, z_acfa, flags, classification, unit_id, recorded_by, recorded_at
                     FROM growth_measurement WHERE child_id = :id AND superseded_by IS NULL) m) AS measurements,
                  (SELECT coalesce(json_agg(row_to_json(s) ORDER BY s.screened_on, s.recorded_at), '[]') FROM (
                     SELECT id, screened_on, key_age_months, gm, fm, rl, el, ps, outcome_code, follow_up_of, referred,
                            recorded_by, recorded_at
                     FROM dspm_screening WHERE child_id = :id AND superseded_by IS NULL) s) AS screenings,
                  (SELECT coalesce(json_agg(row_to_json(v) ORDER BY v.given_on, v.recorded_at), '[]') FROM (
                     SELECT id, vaccine_code, given_on, lot, unit_id, recorded_by, recorded_at
                     FROM immunization WHERE child_id = :id AND superseded_by IS NULL) v) AS immunizations,
                  (SELECT coalesce(json_agg(row_to_json(n) ORDER BY n.recorded_at), '[]') FROM (
                     SELECT id, kind, description, since, resolved_on, recorded_by, recorded_at
                     FROM health_note WHERE child_id = :id) n) AS notes""")
                .param("id", childId.value())
                .query((rs, i) -> new Entries(
                        read(rs.getString("measurements"), EntryRows::fromJson),
                        read(rs.getString("screenings"), EntryRows::screening),
                        read(rs.getString("immunizations"), EntryRows::immunization),
                        read(rs.getString("notes"), EntryRows::note)))
                .single();
    }

    private <T> List<T> read(String array, java.util.function.Function<JsonNode, T> row) {
        List<T> out = new ArrayList<>();
        for (JsonNode node : json.readTree(array)) out.add(row.apply(node));
        return out;
    }

    /**
     * What needs attention for a child on {@code day}: the WHO classification of the latest measurement,
     * a suspected delay not yet passed on re-check, overdue vaccines, a DSPM screening due, no measurement
     * for three months. Feeds the child page, work lists and the transfer handover.
     */
    static List<Need> needs(List<Measurement> measurements, List<Screening> screenings, VaccinationStatus vaccines,
            Optional<ScreeningDue> nextScreening, LocalDate day) {
        List<Need> needs = new ArrayList<>();
        if (!measurements.isEmpty()) {
            var latest = measurements.getLast();
            for (String c : latest.classification()) needs.add(new Need("growth.class." + c, null));
            if (latest.measuredOn().isBefore(day.minusMonths(3))) needs.add(new Need("need.growth.stale", null));
        } else {
            needs.add(new Need("need.growth.none", null));
        }
        if (!screenings.isEmpty() && !screenings.getLast().passedAll()) {
            var latest = screenings.getLast();
            needs.add(new Need(latest.referred() ? "need.dspm.refer" : "need.dspm.suspected", latest.outcomeCode()));
        }
        var overdue = vaccines.overdue();
        if (!overdue.isEmpty()) {
            // Vaccine abbreviations (MMR1, OPV3…) are how Thai health workers write them too.
            needs.add(new Need("need.vaccine.overdue", String.join(", ", overdue.stream().map(d -> d.dose().labelEn()).toList())));
        }
        nextScreening.filter(due -> !due.from().isAfter(day))
                .ifPresent(due -> needs.add(new Need(due.isOverdue(day) ? "need.dspm.overdue" : "need.dspm.due",
                        due.age().months() + "")));
        return needs;
    }
}
