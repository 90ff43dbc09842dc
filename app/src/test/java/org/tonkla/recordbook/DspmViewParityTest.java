package org.tonkla.recordbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.core.development.AgeAppropriateOutcome;
import org.tonkla.core.development.DspmSchedule;
import org.tonkla.core.development.DspmScreening;
import org.tonkla.core.development.DspmScreeningAge;
import org.tonkla.core.development.ScreeningResult;
import org.tonkla.core.development.ScreeningWindow;
import org.tonkla.directory.Directory;
import org.tonkla.directory.ServiceUnit;
import org.tonkla.directory.ServiceUnitType;

/**
 * One DSPM "age-appropriate" rule (THAI-RULES §2): the record book's published SQL view
 * {@code recordbook_unit_dspm_outcome} and core's {@link DspmSchedule#NATIONAL} must count the same
 * children. Every case of the rule is written into fresh synthetic units (one unit per case, so a
 * disagreement names its case) for every key age and for month-end birthdays, and for each the view's
 * screened / age-appropriate counts must equal what core computes from the same rows and what the
 * rule says by hand.
 *
 * <p>Cases: the first screening on the window's opening day, on day 29 (last inside) and day 30 or the
 * day before (outside); 1B260; 1B261 then 1B260 within 30 days, on day 30 and on day 31; 1B262 then a
 * pass; a second screening in the window that is a re-check, not a fresh start; corrections that
 * supersede a screening; same-day screenings; enrolments that overlap the window or not.
 */
class DspmViewParityTest extends IntegrationTest {

    /** The view knows no "today"; core is asked when every window and re-check has closed. */
    private static final LocalDate AS_OF = LocalDate.of(2100, 1, 1);
    private static final List<LocalDate> BIRTHDAYS = List.of(
            LocalDate.of(2019, 1, 31), LocalDate.of(2020, 2, 29), LocalDate.of(2019, 5, 31),
            LocalDate.of(2019, 8, 31), LocalDate.of(2019, 12, 31), LocalDate.of(2020, 3, 15));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Directory directory;

    /** A screening {@code day} days after the window opens; {@code supersededBy} a correction written over it. */
    record Sc(int day, String code, String supersededBy) {
        Sc(int day, String code) {
            this(day, code, null);
        }
    }

    /** An enrolment from / to days relative to the window's opening ({@code null}: open-ended). */
    record Enrolment(int from, Integer to, String kind) {}

    /** One case, and what THAI-RULES §2 says: screened (in the denominator) and age-appropriate. */
    record Case(String name, List<Sc> screenings, List<Enrolment> enrolments, boolean screened, boolean ageAppropriate) {}

    private static final List<Enrolment> ENROLLED = List.of(new Enrolment(-400, null, "ENROLLED"));

    private static List<Case> cases() {
        return List.of(
                new Case("1B260 on the opening day", List.of(new Sc(0, "1B260")), ENROLLED, true, true),
                new Case("1B260 on day 29, the last inside", List.of(new Sc(29, "1B260")), ENROLLED, true, true),
                new Case("1B260 on day 30, outside", List.of(new Sc(30, "1B260")), ENROLLED, false, false),
                new Case("1B260 the day before the window", List.of(new Sc(-1, "1B260")), ENROLLED, false, false),
                new Case("1B261 then 1B260 29 days later", List.of(new Sc(3, "1B261"), new Sc(32, "1B260")), ENROLLED, true, true),
                new Case("1B261 then 1B260 on day 30 after", List.of(new Sc(3, "1B261"), new Sc(33, "1B260")), ENROLLED, true, true),
                new Case("1B261 then 1B260 on day 31 after", List.of(new Sc(3, "1B261"), new Sc(34, "1B260")), ENROLLED, true, false),
                new Case("1B261 never re-checked", List.of(new Sc(10, "1B261")), ENROLLED, true, false),
                new Case("1B261 on day 29, pass 30 days later outside the window",
                        List.of(new Sc(29, "1B261"), new Sc(59, "1B260")), ENROLLED, true, true),
                new Case("1B261, 1B261 again, then 1B260 within 30 days",
                        List.of(new Sc(0, "1B261"), new Sc(14, "1B261"), new Sc(28, "1B260")), ENROLLED, true, true),
                new Case("1B262 referred, later passes", List.of(new Sc(0, "1B262"), new Sc(10, "1B260")), ENROLLED, true, false),
                new Case("1B262 on the opening day only", List.of(new Sc(0, "1B262")), ENROLLED, true, false),
                new Case("1B261 and 1B260 the same day: no re-check", List.of(new Sc(5, "1B261"), new Sc(5, "1B260")), ENROLLED, true, false),
                new Case("1B260 then 1B261 later in the window: the first counts",
                        List.of(new Sc(2, "1B260"), new Sc(20, "1B261")), ENROLLED, true, true),
                new Case("1B261 corrected to 1B260", List.of(new Sc(4, "1B261", "1B260")), ENROLLED, true, true),
                new Case("1B260 corrected to 1B262", List.of(new Sc(4, "1B260", "1B262")), ENROLLED, true, false),
                new Case("a pass inside the window and another outside it",
                        List.of(new Sc(4, "1B260"), new Sc(40, "1B260")), ENROLLED, true, true),
                new Case("no screening", List.of(), ENROLLED, false, false),
                new Case("enrolment ended the day before the window",
                        List.of(new Sc(0, "1B260")), List.of(new Enrolment(-100, -1, "ENROLLED")), false, false),
                new Case("enrolment ended on the opening day",
                        List.of(new Sc(0, "1B260")), List.of(new Enrolment(-100, 0, "ENROLLED")), true, true),
                new Case("enrolment started on day 29", List.of(new Sc(0, "1B260")), List.of(new Enrolment(29, null, "ENROLLED")), true, true),
                new Case("enrolment started on day 30", List.of(new Sc(0, "1B260")), List.of(new Enrolment(30, null, "ENROLLED")), false, false),
                new Case("registered only, not enrolled", List.of(new Sc(0, "1B260")), List.of(new Enrolment(-100, null, "REGISTERED")), false, false),
                new Case("two enrolments at the unit over the window count once", List.of(new Sc(0, "1B260")),
                        List.of(new Enrolment(-100, 10, "ENROLLED"), new Enrolment(11, null, "ENROLLED")), true, true));
    }

    @Test
    void theViewCountsEveryCaseAsCoreDoes() {
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        for (DspmScreeningAge age : DspmScreeningAge.values()) {
            for (LocalDate born : BIRTHDAYS) {
                for (Case c : cases()) {
                    String label = age + " born " + born + ": " + c.name();
                    UUID unit = directory.addServiceUnit(new ServiceUnit(null, ServiceUnitType.EARLY_CHILDHOOD_CENTER,
                            "ศูนย์ทดสอบ DSPM (ทดสอบ)", null, "DLA", "340201", "34", null, null, null, null));
                    List<DspmScreening> history = write(unit, born, age, c);
                    Map<String, int[]> view = view(unit);
                    Map<String, int[]> core = core(born, history, c.enrolments(), age);
                    Map<String, int[]> rule = new TreeMap<>();
                    ScreeningWindow window = DspmSchedule.NATIONAL.window(age, born);
                    if (c.screened()) rule.put(key(window.opens().getYear(), age), new int[] {1, c.ageAppropriate() ? 1 : 0});
                    if (!same(view, core)) disagreements.add(label + ": view " + show(view) + ", core " + show(core));
                    if (!same(core, rule)) disagreements.add(label + ": core " + show(core) + ", THAI-RULES " + show(rule));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(5 * BIRTHDAYS.size() * cases().size());
        assertThat(disagreements).isEmpty();
    }

    /** Writes the case's child, enrolments and screenings around {@code age}'s window; returns core's view of them. */
    private List<DspmScreening> write(UUID unit, LocalDate born, DspmScreeningAge age, Case c) {
        LocalDate opens = DspmSchedule.NATIONAL.window(age, born).opens();
        UUID child = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO child (id, given_name_th, family_name_th, sex, date_of_birth, identifier_type, no_identifier_reason,
                  province_code, created_by) VALUES (?, 'ทดสอบ', 'ดีเอสพีเอ็ม', 'M', ?, 'NONE', 'test', '34', 'test')""")
                .params(child, Date.valueOf(born)).update();
        for (Enrolment e : c.enrolments()) {
            LocalDate from = opens.plusDays(e.from());
            jdbc.sql("""
                    INSERT INTO enrolment (id, child_id, unit_id, kind, started_on, ended_on, province_code, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, '34', 'test')""")
                    .params(UUID.randomUUID(), child, unit, e.kind(), Date.valueOf(from.isBefore(born) ? born : from),
                            e.to() == null ? null : Date.valueOf(opens.plusDays(e.to())))
                    .update();
        }
        List<DspmScreening> current = new ArrayList<>();
        Instant recorded = Instant.parse("2025-01-01T00:00:00Z");
        for (Sc s : c.screenings()) {
            LocalDate day = opens.plusDays(s.day());
            recorded = recorded.plusSeconds(60);
            UUID id = screening(child, day, s.code(), recorded);
            if (s.supersededBy() != null) {
                recorded = recorded.plusSeconds(60);
                UUID correction = screening(child, day, s.supersededBy(), recorded);
                jdbc.sql("UPDATE dspm_screening SET superseded_by = ?, correction_reason = 'test' WHERE id = ?")
                        .params(correction, id).update();
                current.add(DspmScreening.overallOnly(day, result(s.supersededBy())));
            } else {
                current.add(DspmScreening.overallOnly(day, result(s.code())));
            }
        }
        return current;
    }

    private UUID screening(UUID child, LocalDate day, String code, Instant recorded) {
        UUID id = UUID.randomUUID();
        String domain = code.equals("1B260") ? "NORMAL" : code.equals("1B261") ? "SUSPECTED_DELAY" : "REFER_NOW";
        jdbc.sql("""
                INSERT INTO dspm_screening (id, child_id, province_code, screened_on, gm, fm, rl, el, ps, outcome_code,
                  recorded_by, recorded_at) VALUES (?, ?, '34', ?, ?, 'NORMAL', 'NORMAL', 'NORMAL', 'NORMAL', ?, 'test', ?)""")
                .params(id, child, Date.valueOf(day), domain, code, Timestamp.from(recorded)).update();
        return id;
    }

    /** The view's counts for the unit, by "year group". */
    private Map<String, int[]> view(UUID unit) {
        Map<String, int[]> out = new TreeMap<>();
        jdbc.sql("SELECT year_ce, age_group, screened, age_appropriate FROM recordbook_unit_dspm_outcome WHERE unit_id = ?")
                .param(unit)
                .query(rs -> {
                    out.put(rs.getInt(1) + " " + rs.getString(2), new int[] {rs.getInt(3), rs.getInt(4)});
                });
        return out;
    }

    /** Core's counts: every key age whose window an enrolment overlaps, scored by DspmSchedule.NATIONAL. */
    private static Map<String, int[]> core(LocalDate born, List<DspmScreening> history, List<Enrolment> enrolments,
            DspmScreeningAge around) {
        LocalDate anchor = DspmSchedule.NATIONAL.window(around, born).opens();
        Map<String, int[]> out = new TreeMap<>();
        for (DspmScreeningAge age : DspmScreeningAge.values()) {
            ScreeningWindow window = DspmSchedule.NATIONAL.window(age, born);
            boolean enrolled = enrolments.stream().anyMatch(e -> e.kind().equals("ENROLLED")
                    && !max(anchor.plusDays(e.from()), born).isAfter(window.closes())
                    && (e.to() == null || !anchor.plusDays(e.to()).isBefore(window.opens())));
            if (!enrolled) continue;
            AgeAppropriateOutcome outcome = DspmSchedule.NATIONAL.ageAppropriate(age, born, history, AS_OF);
            if (!outcome.wasScreened()) continue;
            int[] counts = out.computeIfAbsent(key(window.opens().getYear(), age), k -> new int[2]);
            counts[0]++;
            if (outcome.isAgeAppropriate()) counts[1]++;
        }
        return out;
    }

    private static String key(int year, DspmScreeningAge age) {
        return year + " " + (age.months() < 36 ? "ก" : "ข");
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static ScreeningResult result(String code) {
        return switch (code) {
            case "1B260" -> ScreeningResult.NORMAL;
            case "1B261" -> ScreeningResult.SUSPECTED_DELAY;
            default -> ScreeningResult.REFER_NOW;
        };
    }

    private static boolean same(Map<String, int[]> a, Map<String, int[]> b) {
        if (!a.keySet().equals(b.keySet())) return false;
        return a.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    private static String show(Map<String, int[]> counts) {
        StringBuilder out = new StringBuilder("{");
        counts.forEach((k, v) -> out.append(k).append('=').append(v[0]).append('/').append(v[1]).append(' '));
        return out.append('}').toString();
    }
}
