package org.tonkla.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;
import org.tonkla.core.development.AgeAppropriateOutcome;
import org.tonkla.core.development.DspmDomain;
import org.tonkla.core.development.DspmSchedule;
import org.tonkla.core.development.DspmScreening;
import org.tonkla.core.development.DspmScreeningAge;
import org.tonkla.core.development.ScreeningResult;
import org.tonkla.core.standard.DomainOutcome;
import org.tonkla.directory.Directory;

/**
 * One per-domain DSPM rule: the record book's view {@code recordbook_unit_dspm_domain_outcome} (V21_4)
 * and core's {@link DomainOutcome} must count the same children in every domain, as
 * {@code DspmViewParityTest} keeps the overall view equal to {@link DspmSchedule}. One unit per case and
 * key age; screenings give each domain its own result.
 */
class DomainViewParityTest extends IntegrationTest {

    private static final LocalDate AS_OF = LocalDate.of(2100, 1, 1);
    private static final LocalDate BORN = LocalDate.of(2019, 8, 31);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Directory directory;

    /** A screening {@code day} days after the window opens with the results of GM, FM, RL, EL, PS (N, S, R). */
    record Sc(int day, String domains) {}

    record Case(String name, List<Sc> screenings) {}

    private static List<Case> cases() {
        return List.of(
                new Case("all normal", List.of(new Sc(0, "NNNNN"))),
                new Case("EL suspected, never re-checked", List.of(new Sc(3, "NNNSN"))),
                new Case("GM and PS suspected, GM passes re-check on day 30 after", List.of(new Sc(1, "SNNNS"), new Sc(31, "NNNNS"))),
                new Case("FM suspected, passes 31 days after: too late", List.of(new Sc(1, "NSNNN"), new Sc(32, "NNNNN"))),
                new Case("RL referred: no re-check counts, other domains normal", List.of(new Sc(0, "NNRNN"), new Sc(5, "NNNNN"))),
                new Case("suspected and re-checked the same day: not a re-check", List.of(new Sc(4, "SNNNN"), new Sc(4, "NNNNN"))),
                new Case("first screening outside the window", List.of(new Sc(30, "NNNNN"))),
                new Case("normal first, a later suspicion does not matter", List.of(new Sc(2, "NNNNN"), new Sc(10, "SSSSS"))),
                new Case("no screening", List.of()));
    }

    @Test
    void theViewCountsEveryDomainAsCoreDoes() {
        List<String> disagreements = new ArrayList<>();
        for (DspmScreeningAge age : DspmScreeningAge.values()) {
            for (Case c : cases()) {
                UUID unit = Fixtures.center(directory, "DLA", "340406", "ศูนย์ทดสอบรายด้าน");
                List<DspmScreening> history = write(unit, age, c);
                Map<String, int[]> view = view(unit);
                Map<String, int[]> core = core(history, age);
                if (!same(view, core)) disagreements.add(age + " " + c.name() + ": view " + show(view) + ", core " + show(core));
            }
        }
        assertThat(disagreements).isEmpty();
        // The cases are not vacuous: core finds both outcomes in some domain.
        var el = DomainOutcome.of(DspmSchedule.NATIONAL, DspmDomain.EL, DspmScreeningAge.M42, BORN,
                List.of(screening(BORN.plusMonths(42).plusDays(3), "NNNSN")), AS_OF);
        assertThat(el).isEqualTo(AgeAppropriateOutcome.NOT_AGE_APPROPRIATE);
    }

    private List<DspmScreening> write(UUID unit, DspmScreeningAge age, Case c) {
        LocalDate opens = DspmSchedule.NATIONAL.window(age, BORN).opens();
        UUID child = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO child (id, given_name_th, family_name_th, sex, date_of_birth, identifier_type, no_identifier_reason,
                  province_code, created_by) VALUES (?, 'ทดสอบ', 'รายด้าน', 'F', ?, 'NONE', 'test', '34', 'test')""")
                .params(child, Date.valueOf(BORN)).update();
        jdbc.sql("""
                INSERT INTO enrolment (id, child_id, unit_id, kind, started_on, ended_on, province_code, created_by)
                VALUES (?, ?, ?, 'ENROLLED', ?, NULL, '34', 'test')""")
                .params(UUID.randomUUID(), child, unit, Date.valueOf(BORN)).update();
        List<DspmScreening> history = new ArrayList<>();
        Instant recorded = Instant.parse("2025-01-01T00:00:00Z");
        for (Sc s : c.screenings()) {
            LocalDate day = opens.plusDays(s.day());
            DspmScreening screening = screening(day, s.domains());
            recorded = recorded.plusSeconds(60);
            Map<DspmDomain, ScreeningResult> d = screening.domains();
            jdbc.sql("""
                    INSERT INTO dspm_screening (id, child_id, province_code, screened_on, gm, fm, rl, el, ps, outcome_code,
                      recorded_by, recorded_at) VALUES (?, ?, '34', ?, ?, ?, ?, ?, ?, ?, 'test', ?)""")
                    .params(UUID.randomUUID(), child, Date.valueOf(day), d.get(DspmDomain.GM).name(), d.get(DspmDomain.FM).name(),
                            d.get(DspmDomain.RL).name(), d.get(DspmDomain.EL).name(), d.get(DspmDomain.PS).name(),
                            screening.specialPpCodes().getFirst(), Timestamp.from(recorded))
                    .update();
            history.add(screening);
        }
        return history;
    }

    private static DspmScreening screening(LocalDate day, String letters) {
        Map<DspmDomain, ScreeningResult> d = new EnumMap<>(DspmDomain.class);
        for (DspmDomain domain : DspmDomain.values()) {
            d.put(domain, switch (letters.charAt(domain.ordinal())) {
                case 'N' -> ScreeningResult.NORMAL;
                case 'S' -> ScreeningResult.SUSPECTED_DELAY;
                default -> ScreeningResult.REFER_NOW;
            });
        }
        return DspmScreening.of(day, d);
    }

    private Map<String, int[]> view(UUID unit) {
        Map<String, int[]> out = new TreeMap<>();
        jdbc.sql("SELECT year_ce, age_group, domain, screened, age_appropriate FROM recordbook_unit_dspm_domain_outcome WHERE unit_id = ?")
                .param(unit)
                .query(rs -> {
                    out.put(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3), new int[] {rs.getInt(4), rs.getInt(5)});
                });
        return out;
    }

    private static Map<String, int[]> core(List<DspmScreening> history, DspmScreeningAge around) {
        Map<String, int[]> out = new TreeMap<>();
        for (DspmScreeningAge age : DspmScreeningAge.values()) {
            for (DspmDomain domain : DspmDomain.values()) {
                AgeAppropriateOutcome o = DomainOutcome.of(DspmSchedule.NATIONAL, domain, age, BORN, history, AS_OF);
                if (!o.wasScreened()) continue;
                String key = DspmSchedule.NATIONAL.window(age, BORN).opens().getYear() + " " + (age.months() < 36 ? "ก" : "ข")
                        + " " + domain.name();
                int[] counts = out.computeIfAbsent(key, k -> new int[2]);
                counts[0]++;
                if (o.isAgeAppropriate()) counts[1]++;
            }
        }
        return out;
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
