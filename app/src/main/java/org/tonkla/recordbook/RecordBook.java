package org.tonkla.recordbook;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tonkla.core.development.DspmDomain;
import org.tonkla.core.development.DspmSchedule;
import org.tonkla.core.development.DspmScreening;
import org.tonkla.core.development.DspmScreeningAge;
import org.tonkla.core.development.ScreeningDue;
import org.tonkla.core.development.ScreeningResult;
import org.tonkla.core.immunization.EpiSchedule;
import org.tonkla.core.immunization.GivenDose;
import org.tonkla.core.immunization.VaccinationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tonkla.consent.AccessLog;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.platform.AuditTrail;
import org.tonkla.recordbook.internal.GrowthScoring;
import tools.jackson.databind.JsonNode;
import org.tonkla.registry.Child;
import org.tonkla.registry.ChildId;
import org.tonkla.registry.ChildRegistry;

/**
 * Adds to and reads a child's record book. Every call checks access through the registry and writes
 * the access log; entries record who, at which unit and when; a correction supersedes, never overwrites.
 */
@Component
public class RecordBook {

    private static final String MEASUREMENT_COLUMNS = """
            id, measured_on, age_days, weight_kg, length_cm, position, head_cm, arm_cm, oedema, z_wfa, z_lhfa,
            z_wflh, z_bfa, z_hcfa, z_acfa, flags, classification, unit_id, recorded_by, recorded_at""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChildRegistry registry;
    private final AccessLog accessLog;
    private final AuditTrail audit;
    private final GrowthScoring growth;
    private final tools.jackson.databind.json.JsonMapper json;

    RecordBook(JdbcClient jdbc, Clock clock, ChildRegistry registry, AccessLog accessLog, AuditTrail audit,
            GrowthScoring growth, tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.jdbc = jdbc;
        this.clock = clock;
        this.registry = registry;
        this.accessLog = accessLog;
        this.audit = audit;
        this.growth = growth;
    }

    // --- the whole book

    /**
     * The record book of a child, after the access check; the read is logged with {@code purpose}.
     * Two queries whatever the size of the record: the registry's file and this module's entries, in
     * one transaction with the access-log entry.
     */
    @Transactional
    public BookView view(ChildId childId, CurrentUser user, String purpose) {
        var file = registry.openFile(childId, user, purpose);
        Child child = file.child();
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Bangkok")));
        boolean seesLog = user.role() == org.tonkla.identity.Role.GUARDIAN;
        Entries e = entries(childId);
        var vaccines = SCHEDULE.statusOf(child.dateOfBirth(), today, e.givenDoses());
        var history = e.screenings().stream().map(s -> DspmScreening.of(s.screenedOn(), s.domains())).toList();
        var next = DspmSchedule.NATIONAL.nextDue(child.dateOfBirth(), today, history);
        return new BookView(child, file.fullIdentifier(), file.guardians(), file.enrolments(), e.measurements(),
                e.screenings(), e.immunizations(), vaccines, e.notes(),
                needs(e.measurements(), e.screenings(), vaccines, next, today), next,
                seesLog ? accessLog.entriesFor(childId.value(), 200) : List.of());
    }

    /** Everything this module holds about one child, current entries only, oldest first. */
    private record Entries(List<Measurement> measurements, List<Screening> screenings, List<Immunization> immunizations,
            List<HealthNote> notes) {

        List<GivenDose> givenDoses() {
            return immunizations.stream().map(i -> new GivenDose(i.vaccineCode(), i.givenOn())).toList();
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
                .query((rs, i) -> {
                    List<Measurement> measurements = new ArrayList<>();
                    for (JsonNode m : json.readTree(rs.getString("measurements"))) {
                        measurements.add(new Measurement(uuid(m, "id"), date(m, "measured_on"), m.get("age_days").asInt(),
                                dbl(m, "weight_kg"), dbl(m, "length_cm"), str(m, "position"), dbl(m, "head_cm"),
                                dbl(m, "arm_cm"), m.get("oedema").asBoolean(), dbl(m, "z_wfa"), dbl(m, "z_lhfa"),
                                dbl(m, "z_wflh"), dbl(m, "z_bfa"), dbl(m, "z_hcfa"), dbl(m, "z_acfa"), list(str(m, "flags")),
                                list(str(m, "classification")), uuid(m, "unit_id"), str(m, "recorded_by"),
                                instant(m, "recorded_at")));
                    }
                    List<Screening> screenings = new ArrayList<>();
                    for (JsonNode x : json.readTree(rs.getString("screenings"))) {
                        var domains = new java.util.EnumMap<DspmDomain, ScreeningResult>(DspmDomain.class);
                        for (DspmDomain d : DspmDomain.values()) {
                            domains.put(d, ScreeningResult.valueOf(str(x, d.name().toLowerCase(java.util.Locale.ROOT))));
                        }
                        screenings.add(new Screening(uuid(x, "id"), date(x, "screened_on"),
                                x.get("key_age_months").isNull() ? null : x.get("key_age_months").asInt(), domains,
                                str(x, "outcome_code"), uuid(x, "follow_up_of"), x.get("referred").asBoolean(),
                                str(x, "recorded_by")));
                    }
                    List<Immunization> immunizations = new ArrayList<>();
                    for (JsonNode v : json.readTree(rs.getString("immunizations"))) {
                        immunizations.add(new Immunization(uuid(v, "id"), str(v, "vaccine_code"), date(v, "given_on"),
                                str(v, "lot"), uuid(v, "unit_id"), str(v, "recorded_by")));
                    }
                    List<HealthNote> notes = new ArrayList<>();
                    for (JsonNode n : json.readTree(rs.getString("notes"))) {
                        notes.add(new HealthNote(uuid(n, "id"), HealthNote.Kind.valueOf(str(n, "kind")),
                                str(n, "description"), date(n, "since"), date(n, "resolved_on"), str(n, "recorded_by")));
                    }
                    return new Entries(measurements, screenings, immunizations, notes);
                })
                .single();
    }

    private static String str(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static UUID uuid(JsonNode node, String field) {
        String v = str(node, field);
        return v == null ? null : UUID.fromString(v);
    }

    private static LocalDate date(JsonNode node, String field) {
        String v = str(node, field);
        return v == null ? null : LocalDate.parse(v);
    }

    private static Double dbl(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    private static Instant instant(JsonNode node, String field) {
        return java.time.OffsetDateTime.parse(str(node, field)).toInstant();
    }

    // --- who may write

    /** Whether the user's role adds to record books at all (scope is checked per child). */
    public boolean mayWrite(CurrentUser user) {
        return user.role().recordsChildren();
    }

    private void requireWrite(CurrentUser user, ChildId childId) {
        if (!mayWrite(user)) throw new org.springframework.security.access.AccessDeniedException("Role reads only");
        registry.requireAccess(user, childId);
    }

    // --- growth

    /**
     * Records a measurement with its z-scores and WHO classification.
     *
     * @throws ImplausibleMeasurement when a z-score is flagged and the user has not confirmed it
     * @throws IllegalArgumentException naming the field that is wrong
     */
    @Transactional
    public Measurement recordMeasurement(ChildId childId, MeasurementInput in, CurrentUser user) {
        Child child = registry.find(childId).orElseThrow(() -> new IllegalArgumentException("childId"));
        requireWrite(user, childId);
        LocalDate today = LocalDate.now(clock);
        if (in.measuredOn() == null || in.measuredOn().isAfter(today)) throw new IllegalArgumentException("measuredOn");
        if (in.measuredOn().isBefore(child.dateOfBirth())) throw new IllegalArgumentException("measuredOn");
        if (in.weightKg() == null && in.lengthCm() == null && in.headCm() == null && in.armCm() == null) {
            throw new IllegalArgumentException("weightKg");
        }
        if (in.weightKg() != null && (in.weightKg() <= 0 || in.weightKg() >= 200)) throw new IllegalArgumentException("weightKg");
        if (in.lengthCm() != null && (in.lengthCm() < 30 || in.lengthCm() >= 250)) throw new IllegalArgumentException("lengthCm");
        // The columns hold what a tape can read on a young child; beyond is a typing error, not a finding.
        if (in.headCm() != null && (in.headCm() < 20 || in.headCm() > 70)) throw new IllegalArgumentException("headCm");
        if (in.armCm() != null && (in.armCm() < 5 || in.armCm() > 40)) throw new IllegalArgumentException("armCm");
        if (in.position() != null && !in.position().matches("[LH]")) throw new IllegalArgumentException("position");
        int ageDays = (int) ChronoUnit.DAYS.between(child.dateOfBirth(), in.measuredOn());
        var scored = growth.score(child.sex(), ageDays, in);
        if (!scored.flags().isEmpty() && !in.confirmImplausible()) throw new ImplausibleMeasurement(scored.flags());

        UUID id = UUID.randomUUID();
        UUID unitId = user.scope().unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
        // RETURNING gives back the row as stored (numeric scales applied) without reading the child's others.
        Measurement saved = jdbc.sql("INSERT INTO growth_measurement (" + MEASUREMENT_COLUMNS + """
                , child_id, province_code, implausible_confirmed)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""" + " RETURNING " + MEASUREMENT_COLUMNS)
                .params(id, Date.valueOf(in.measuredOn()), ageDays, in.weightKg(), in.lengthCm(), scored.position(),
                        in.headCm(), in.armCm(), in.oedema(), scored.zWfa(), scored.zLhfa(), scored.zWflh(), scored.zBfa(),
                        scored.zHcfa(), scored.zAcfa(), String.join(",", scored.flags()),
                        String.join(",", scored.classification()), unitId, user.username(),
                        Timestamp.from(Instant.now(clock)), childId.value(), child.provinceCode(),
                        !scored.flags().isEmpty())
                .query(RecordBook::measurement).single();
        accessLog.record(user, childId.value(), child.provinceCode(), AccessLog.Action.WRITE, "growth", null);
        return saved;
    }

    /** Current measurements (not superseded), oldest first; no access check: callers check. */
    public List<Measurement> measurements(ChildId childId) {
        return jdbc.sql("SELECT " + MEASUREMENT_COLUMNS
                + " FROM growth_measurement WHERE child_id = ? AND superseded_by IS NULL ORDER BY measured_on, recorded_at")
                .param(childId.value()).query(RecordBook::measurement).list();
    }

    /**
     * Records a measurement typed on the class roster. The row is saved each time it changes, so a
     * second save by the same user on the same day and unit supersedes the first (kept, as history).
     */
    @Transactional
    public Measurement recordFromRoster(ChildId childId, MeasurementInput in, CurrentUser user) {
        UUID unitId = user.scope().unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
        var previous = jdbc.sql("""
                SELECT id FROM growth_measurement
                WHERE child_id = ? AND measured_on = ? AND recorded_by = ? AND unit_id IS NOT DISTINCT FROM ?
                  AND superseded_by IS NULL AND recorded_at > ?
                ORDER BY recorded_at DESC LIMIT 1""")
                .params(childId.value(), Date.valueOf(in.measuredOn()), user.username(), unitId,
                        Timestamp.from(Instant.now(clock).minus(java.time.Duration.ofHours(12))))
                .query(UUID.class).optional();
        var saved = recordMeasurement(childId, in, user);
        previous.ifPresent(old -> jdbc.sql(
                "UPDATE growth_measurement SET superseded_by = ?, correction_reason = 'edited on the class roster' WHERE id = ?")
                .params(saved.id(), old).update());
        return saved;
    }

    /** The latest current measurement of each child, for rosters and work lists. */
    public java.util.Map<ChildId, Measurement> latestMeasurements(List<ChildId> children) {
        if (children.isEmpty()) return java.util.Map.of();
        var result = new java.util.HashMap<ChildId, Measurement>();
        jdbc.sql("SELECT DISTINCT ON (child_id) child_id, " + MEASUREMENT_COLUMNS + """
                 FROM growth_measurement WHERE child_id IN (:ids) AND superseded_by IS NULL
                ORDER BY child_id, measured_on DESC, recorded_at DESC""")
                .param("ids", children.stream().map(ChildId::value).toList())
                .query((rs, i) -> result.put(new ChildId(rs.getObject("child_id", UUID.class)), measurement(rs, i)))
                .list();
        return result;
    }

    /** Corrects a measurement: a new row with the corrected values; the old one stays, pointing to it. */
    @Transactional
    public Measurement correctMeasurement(ChildId childId, UUID measurementId, MeasurementInput in, String reason,
            CurrentUser user) {
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason");
        var corrected = recordMeasurement(childId, in, user);
        int updated = jdbc.sql("""
                UPDATE growth_measurement SET superseded_by = ?, correction_reason = ?
                WHERE id = ? AND child_id = ? AND superseded_by IS NULL""")
                .params(corrected.id(), reason, measurementId, childId.value()).update();
        if (updated == 0) throw new IllegalArgumentException("measurementId");
        audit.record("CORRECT", "growth_measurement", measurementId.toString(), "superseded by " + corrected.id());
        return corrected;
    }

    /**
     * Computes again what was derived from the date of birth (age in days, z-scores, classification and
     * flags of each current measurement; the key age of each screening), in the correcting transaction.
     * The observations themselves are unchanged, and the correction of the date is in the registry's
     * history; here only derived values change, so they are updated in place, with an audit entry.
     */
    @org.springframework.context.event.EventListener
    void dateOfBirthCorrected(org.tonkla.registry.ChildDateOfBirthCorrected event) {
        Child child = registry.find(event.child()).orElseThrow();
        for (Measurement m : measurements(event.child())) {
            int ageDays = (int) ChronoUnit.DAYS.between(child.dateOfBirth(), m.measuredOn());
            var scored = growth.score(child.sex(), Math.max(ageDays, 0), new MeasurementInput(m.measuredOn(), m.weightKg(),
                    m.lengthCm(), m.position(), m.headCm(), m.armCm(), m.oedema(), true));
            jdbc.sql("""
                    UPDATE growth_measurement SET age_days = ?, z_wfa = ?, z_lhfa = ?, z_wflh = ?, z_bfa = ?, z_hcfa = ?,
                           z_acfa = ?, flags = ?, classification = ? WHERE id = ?""")
                    .params(Math.max(ageDays, 0), scored.zWfa(), scored.zLhfa(), scored.zWflh(), scored.zBfa(),
                            scored.zHcfa(), scored.zAcfa(), String.join(",", scored.flags()),
                            String.join(",", scored.classification()), m.id())
                    .update();
        }
        for (Screening s : screenings(event.child())) {
            Integer keyAge = DspmSchedule.NATIONAL.keyAgeOn(child.dateOfBirth(), s.screenedOn())
                    .map(DspmScreeningAge::months).orElse(null);
            jdbc.sql("UPDATE dspm_screening SET key_age_months = ? WHERE id = ?").params(keyAge, s.id()).update();
        }
        audit.record("RESCORE", "child", event.child().toString(),
                "growth and DSPM key ages computed again: date of birth " + event.from() + " → " + event.to());
    }

    // --- development (DSPM)

    /**
     * Records a DSPM screening. The outcome code follows THAI-RULES §2.1 (1B260 all normal, 1B261
     * suspected delay with one month of home stimulation, 1B262 refer now); a screening within 30
     * days after a suspected delay is its re-check.
     */
    @Transactional
    public Screening recordScreening(ChildId childId, LocalDate screenedOn, Map<DspmDomain, ScreeningResult> domains,
            CurrentUser user) {
        Child child = registry.find(childId).orElseThrow(() -> new IllegalArgumentException("childId"));
        requireWrite(user, childId);
        if (screenedOn == null || screenedOn.isBefore(child.dateOfBirth()) || screenedOn.isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("screenedOn");
        }
        for (DspmDomain d : DspmDomain.values()) {
            if (!domains.containsKey(d)) throw new IllegalArgumentException("domains." + d.name());
        }
        var screening = DspmScreening.of(screenedOn, domains);
        String outcome = screening.specialPpCodes().get(0);
        Integer keyAge = DspmSchedule.NATIONAL.keyAgeOn(child.dateOfBirth(), screenedOn).map(DspmScreeningAge::months).orElse(null);
        // A re-check follows a first screening that found a suspected delay (1B261) within 30 days; a child
        // referred at once (1B262) goes to TEDA4I instead (THAI-RULES §2 workflow, steps 2–4).
        UUID followUpOf = screenings(childId).stream()
                .filter(s -> s.followUpOf() == null && s.overall() == ScreeningResult.SUSPECTED_DELAY
                        && s.screenedOn().isBefore(screenedOn)
                        && !s.screenedOn().plusDays(DspmSchedule.NATIONAL.recheckDays()).isBefore(screenedOn))
                .reduce((a, b) -> b).map(Screening::id).orElse(null);
        UUID id = UUID.randomUUID();
        UUID unitId = user.scope().unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
        jdbc.sql("""
                INSERT INTO dspm_screening (id, child_id, province_code, screened_on, key_age_months, gm, fm, rl, el, ps,
                  outcome_code, follow_up_of, referred, unit_id, recorded_by, recorded_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(id, childId.value(), child.provinceCode(), Date.valueOf(screenedOn), keyAge,
                        domains.get(DspmDomain.GM).name(), domains.get(DspmDomain.FM).name(), domains.get(DspmDomain.RL).name(),
                        domains.get(DspmDomain.EL).name(), domains.get(DspmDomain.PS).name(), outcome, followUpOf,
                        refers(screening, followUpOf), unitId, user.username(),
                        Timestamp.from(Instant.now(clock)))
                .update();
        accessLog.record(user, childId.value(), child.provinceCode(), AccessLog.Action.WRITE, "screening", outcome);
        return screenings(childId).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Whether a screening sends the child on: a suspected delay needing referral at once (1B262), or a
     * re-check that still finds a delay (step 4: refer to a hospital with TEDA4I).
     */
    static boolean refers(DspmScreening screening, UUID followUpOf) {
        return screening.overall() == ScreeningResult.REFER_NOW || (followUpOf != null && !screening.passedAll());
    }

    /** Current screenings, oldest first; no access check: callers check. */
    public List<Screening> screenings(ChildId childId) {
        return jdbc.sql("""
                SELECT id, screened_on, key_age_months, gm, fm, rl, el, ps, outcome_code, follow_up_of, referred, recorded_by
                FROM dspm_screening WHERE child_id = ? AND superseded_by IS NULL ORDER BY screened_on, recorded_at""")
                .param(childId.value())
                .query((rs, i) -> new Screening(rs.getObject("id", UUID.class), rs.getDate("screened_on").toLocalDate(),
                        (Integer) rs.getObject("key_age_months"), domains(rs), rs.getString("outcome_code"),
                        rs.getObject("follow_up_of", UUID.class), rs.getBoolean("referred"), rs.getString("recorded_by")))
                .list();
    }


    // --- needs

    /**
     * What needs attention for a child on {@code day}: the WHO classification of the latest
     * measurement, a suspected delay not yet passed on re-check, a DSPM screening due, no
     * measurement for three months. Feeds the child page, work lists and the transfer handover.
     */
    public List<Need> needs(ChildId childId, LocalDate day) {
        Child child = registry.find(childId).orElseThrow();
        Entries e = entries(childId);
        var history = e.screenings().stream().map(x -> DspmScreening.of(x.screenedOn(), x.domains())).toList();
        return needs(e.measurements(), e.screenings(), SCHEDULE.statusOf(child.dateOfBirth(), day, e.givenDoses()),
                DspmSchedule.NATIONAL.nextDue(child.dateOfBirth(), day, history), day);
    }

    private static List<Need> needs(List<Measurement> measurements, List<Screening> screenings, VaccinationStatus vaccines,
            Optional<ScreeningDue> nextScreening, LocalDate day) {
        List<Need> needs = new ArrayList<>();
        if (!measurements.isEmpty()) {
            var latest = measurements.get(measurements.size() - 1);
            for (String c : latest.classification()) needs.add(new Need("growth.class." + c, null));
            if (latest.measuredOn().isBefore(day.minusMonths(3))) needs.add(new Need("need.growth.stale", null));
        } else {
            needs.add(new Need("need.growth.none", null));
        }
        if (!screenings.isEmpty() && !screenings.get(screenings.size() - 1).passedAll()) {
            var latest = screenings.get(screenings.size() - 1);
            needs.add(new Need(latest.referred() ? "need.dspm.refer" : "need.dspm.suspected", latest.outcomeCode()));
        }
        var overdue = vaccines.overdue();
        if (!overdue.isEmpty()) {
            // Vaccine abbreviations (MMR1, OPV3…) are how Thai health workers write them too.
            needs.add(new Need("need.vaccine.overdue",
                    String.join(", ", overdue.stream().map(d -> d.dose().labelEn()).toList())));
        }
        nextScreening.filter(due -> !due.from().isAfter(day))
                .ifPresent(due -> needs.add(new Need(due.isOverdue(day) ? "need.dspm.overdue" : "need.dspm.due",
                        due.age().months() + "")));
        return needs;
    }

    // --- immunization

    /** The national EPI schedule the vaccine card and work lists follow (core, with its source). */
    public static final EpiSchedule SCHEDULE = EpiSchedule.thaiNational();

    /**
     * Records a vaccine dose. The code must be one the national schedule knows (THCC 198, as in the
     * 43-file EPI row); the same code on the same day is the same dose and is not recorded twice.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    @Transactional
    public Immunization recordImmunization(ChildId childId, String vaccineCode, LocalDate givenOn, String lot,
            CurrentUser user) {
        Child child = registry.find(childId).orElseThrow(() -> new IllegalArgumentException("childId"));
        requireWrite(user, childId);
        String code = vaccineCode == null ? "" : vaccineCode.strip().toUpperCase(java.util.Locale.ROOT);
        if (SCHEDULE.doses().stream().noneMatch(d -> d.isRecordedBy(code))) throw new IllegalArgumentException("vaccineCode");
        if (givenOn == null || givenOn.isBefore(child.dateOfBirth()) || givenOn.isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("givenOn");
        }
        var existing = immunizations(childId).stream()
                .filter(i -> i.vaccineCode().equals(code) && i.givenOn().equals(givenOn)).findFirst();
        if (existing.isPresent()) return existing.get();
        UUID id = UUID.randomUUID();
        UUID unitId = user.scope().unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
        jdbc.sql("""
                INSERT INTO immunization (id, child_id, province_code, vaccine_code, given_on, lot, unit_id, recorded_by,
                                          recorded_at)
                VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(id, childId.value(), child.provinceCode(), code, Date.valueOf(givenOn),
                        lot == null || lot.isBlank() ? null : lot.strip(), unitId, user.username(),
                        Timestamp.from(Instant.now(clock)))
                .update();
        accessLog.record(user, childId.value(), child.provinceCode(), AccessLog.Action.WRITE, "immunization", code);
        return new Immunization(id, code, givenOn, lot, unitId, user.username());
    }

    /** Current doses, oldest first; no access check: callers check. */
    public List<Immunization> immunizations(ChildId childId) {
        return jdbc.sql("""
                SELECT id, vaccine_code, given_on, lot, unit_id, recorded_by FROM immunization
                WHERE child_id = ? AND superseded_by IS NULL ORDER BY given_on, recorded_at""")
                .param(childId.value())
                .query((rs, i) -> new Immunization(rs.getObject(1, UUID.class), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6)))
                .list();
    }


    // --- work lists

    /**
     * What a unit must do this month for the children on its roster (scope-checked there): DSPM
     * screenings due, re-checks, overdue screenings and vaccines, children not measured for three
     * months. Read in four queries whatever the roster size.
     */
    public List<WorkItem> workList(java.util.UUID unitId, CurrentUser user, LocalDate today) {
        var roster = registry.roster(unitId, null, user, "worklist");
        var ids = roster.stream().map(e -> e.child().id()).toList();
        var screenings = screeningsOf(ids);
        var doses = dosesOf(ids);
        var latest = latestMeasurements(ids);
        LocalDate endOfMonth = today.withDayOfMonth(today.lengthOfMonth());
        List<WorkItem> items = new ArrayList<>();
        for (var entry : roster) {
            Child c = entry.child();
            String cls = entry.className();
            var history = screenings.getOrDefault(c.id(), List.of());
            DspmSchedule.NATIONAL.nextDue(c.dateOfBirth(), today, history).ifPresent(due -> {
                String age = String.valueOf(due.age().months());
                if (due.isOverdue(today)) {
                    items.add(new WorkItem(WorkItem.Kind.DSPM_OVERDUE, c, cls, age, due.by(), null));
                } else if (!due.from().isAfter(endOfMonth)) {
                    items.add(new WorkItem(due.reason() == ScreeningDue.Reason.RECHECK ? WorkItem.Kind.DSPM_RECHECK
                            : WorkItem.Kind.DSPM_DUE, c, cls, age, due.by(), null));
                }
            });
            var overdue = SCHEDULE.statusOf(c.dateOfBirth(), today, doses.getOrDefault(c.id(), List.of())).overdue();
            if (!overdue.isEmpty()) {
                items.add(new WorkItem(WorkItem.Kind.VACCINE_OVERDUE, c, cls,
                        String.join(", ", overdue.stream().map(d -> d.dose().labelEn()).toList()), null, null));
            }
            Measurement last = latest.get(c.id());
            if (last == null || last.measuredOn().isBefore(today.minusMonths(3))) {
                items.add(new WorkItem(WorkItem.Kind.NO_MEASUREMENT, c, cls, null, null,
                        last == null ? null : last.measuredOn()));
            }
        }
        items.sort(java.util.Comparator.comparing(WorkItem::kind)
                .thenComparing(i -> i.dueBy() == null ? LocalDate.MAX : i.dueBy())
                .thenComparing(i -> i.child().givenNameTh()));
        return items;
    }

    private Map<ChildId, List<DspmScreening>> screeningsOf(List<ChildId> ids) {
        var result = new java.util.HashMap<ChildId, List<DspmScreening>>();
        if (ids.isEmpty()) return result;
        jdbc.sql("""
                SELECT child_id, screened_on, gm, fm, rl, el, ps FROM dspm_screening
                WHERE child_id IN (:ids) AND superseded_by IS NULL ORDER BY screened_on, recorded_at""")
                .param("ids", ids.stream().map(ChildId::value).toList())
                .query((rs, i) -> result.computeIfAbsent(new ChildId(rs.getObject(1, UUID.class)), k -> new ArrayList<>())
                        .add(DspmScreening.of(rs.getDate(2).toLocalDate(), domains(rs))))
                .list();
        return result;
    }

    private Map<ChildId, List<GivenDose>> dosesOf(List<ChildId> ids) {
        var result = new java.util.HashMap<ChildId, List<GivenDose>>();
        if (ids.isEmpty()) return result;
        jdbc.sql("SELECT child_id, vaccine_code, given_on FROM immunization WHERE child_id IN (:ids) AND superseded_by IS NULL")
                .param("ids", ids.stream().map(ChildId::value).toList())
                .query((rs, i) -> result.computeIfAbsent(new ChildId(rs.getObject(1, UUID.class)), k -> new ArrayList<>())
                        .add(new GivenDose(rs.getString(2), rs.getDate(3).toLocalDate())))
                .list();
        return result;
    }

    private static Map<DspmDomain, ScreeningResult> domains(ResultSet rs) throws SQLException {
        var domains = new java.util.EnumMap<DspmDomain, ScreeningResult>(DspmDomain.class);
        domains.put(DspmDomain.GM, ScreeningResult.valueOf(rs.getString("gm")));
        domains.put(DspmDomain.FM, ScreeningResult.valueOf(rs.getString("fm")));
        domains.put(DspmDomain.RL, ScreeningResult.valueOf(rs.getString("rl")));
        domains.put(DspmDomain.EL, ScreeningResult.valueOf(rs.getString("el")));
        domains.put(DspmDomain.PS, ScreeningResult.valueOf(rs.getString("ps")));
        return domains;
    }

    // --- health notes

    @Transactional
    public UUID addHealthNote(ChildId childId, HealthNote.Kind kind, String description, LocalDate since, CurrentUser user) {
        Child child = registry.find(childId).orElseThrow(() -> new IllegalArgumentException("childId"));
        requireWrite(user, childId);
        if (description == null || description.isBlank()) throw new IllegalArgumentException("description");
        UUID id = UUID.randomUUID();
        UUID unitId = user.scope().unit() instanceof OrgUnit.ServiceUnit s ? s.id() : null;
        jdbc.sql("""
                INSERT INTO health_note (id, child_id, province_code, kind, description, since, unit_id, recorded_by, recorded_at)
                VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(id, childId.value(), child.provinceCode(), kind.name(), description.trim(),
                        since == null ? null : Date.valueOf(since), unitId, user.username(), Timestamp.from(Instant.now(clock)))
                .update();
        accessLog.record(user, childId.value(), child.provinceCode(), AccessLog.Action.WRITE, "health-note", kind.name());
        return id;
    }

    /**
     * Records that a condition, disability or allergy no longer applies (from {@code resolvedOn}); the
     * note stays on the record, shown as resolved, and no longer goes with the child's handover.
     */
    @Transactional
    public void resolveHealthNote(ChildId childId, UUID noteId, LocalDate resolvedOn, CurrentUser user) {
        Child child = registry.find(childId).orElseThrow(() -> new IllegalArgumentException("childId"));
        requireWrite(user, childId);
        if (resolvedOn == null || resolvedOn.isAfter(LocalDate.now(clock)) || resolvedOn.isBefore(child.dateOfBirth())) {
            throw new IllegalArgumentException("resolvedOn");
        }
        int updated = jdbc.sql("UPDATE health_note SET resolved_on = ? WHERE id = ? AND child_id = ? AND resolved_on IS NULL")
                .params(Date.valueOf(resolvedOn), noteId, childId.value()).update();
        if (updated == 0) throw new IllegalArgumentException("noteId");
        accessLog.record(user, childId.value(), child.provinceCode(), AccessLog.Action.WRITE, "health-note", "resolved");
        audit.record("RESOLVE", "health_note", noteId.toString(), "resolved on " + resolvedOn);
    }

    /** Corrects a screening: a new row with the corrected results; the old one stays, pointing to it, with the reason. */
    @Transactional
    public Screening correctScreening(ChildId childId, UUID screeningId, LocalDate screenedOn,
            Map<DspmDomain, ScreeningResult> domains, String reason, CurrentUser user) {
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason");
        int withdrawn = supersede("dspm_screening", childId, screeningId, null, reason);
        if (withdrawn == 0) throw new IllegalArgumentException("screeningId");
        var corrected = recordScreening(childId, screenedOn, domains, user);
        supersede("dspm_screening", childId, screeningId, corrected.id(), reason);
        return corrected;
    }

    /** Corrects a vaccination (wrong vaccine or date): a new row; the old one stays, pointing to it, with the reason. */
    @Transactional
    public Immunization correctImmunization(ChildId childId, UUID immunizationId, String vaccineCode, LocalDate givenOn,
            String lot, String reason, CurrentUser user) {
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason");
        if (supersede("immunization", childId, immunizationId, null, reason) == 0) {
            throw new IllegalArgumentException("immunizationId");
        }
        var corrected = recordImmunization(childId, vaccineCode, givenOn, lot, user);
        supersede("immunization", childId, immunizationId, corrected.id(), reason);
        return corrected;
    }

    /**
     * Marks a current row of {@code table} as corrected. First called without the replacement (so the new
     * row, recorded next, does not see the old one as current), then again to point the old row at it.
     */
    private int supersede(String table, ChildId childId, UUID id, UUID by, String reason) {
        return jdbc.sql("UPDATE " + table + " SET superseded_by = ?, correction_reason = ? WHERE id = ? AND child_id = ?"
                        + (by == null ? " AND superseded_by IS NULL" : ""))
                .params(by == null ? id : by, reason.trim(), id, childId.value()).update();
    }

    public List<HealthNote> healthNotes(ChildId childId) {
        return jdbc.sql("""
                SELECT id, kind, description, since, resolved_on, recorded_by FROM health_note
                WHERE child_id = ? ORDER BY recorded_at""")
                .param(childId.value())
                .query((rs, i) -> new HealthNote(rs.getObject(1, UUID.class), HealthNote.Kind.valueOf(rs.getString(2)),
                        rs.getString(3), date(rs, 4), date(rs, 5), rs.getString(6)))
                .list();
    }

    // --- mapping

    static Measurement measurement(ResultSet rs, int row) throws SQLException {
        return new Measurement(rs.getObject("id", UUID.class), rs.getDate("measured_on").toLocalDate(), rs.getInt("age_days"),
                dbl(rs, "weight_kg"), dbl(rs, "length_cm"), rs.getString("position"), dbl(rs, "head_cm"),
                dbl(rs, "arm_cm"), rs.getBoolean("oedema"), dbl(rs, "z_wfa"), dbl(rs, "z_lhfa"), dbl(rs, "z_wflh"),
                dbl(rs, "z_bfa"), dbl(rs, "z_hcfa"), dbl(rs, "z_acfa"), list(rs.getString("flags")),
                list(rs.getString("classification")), rs.getObject("unit_id", UUID.class), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? null : v.doubleValue();
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(csv.split(",")));
    }

    static LocalDate date(ResultSet rs, int column) throws SQLException {
        var d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
