package org.tonkla.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;

/**
 * Issue 15 point 6: the incrementally refreshed cells equal a full recompute after random writes, the year's cells
 * and the quarters' (facts and their per-area sums).
 */
class IncrementalRefreshTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired IndicatorRefresh refresh;

    static final String CELLS = "SELECT year_ce || '|' || fact || '|' || province_code || '|' || district_code || '|' ||"
            + " subdistrict_code || '|' || sex || '|' || age_group || '|' || agency_code || '|' || unit_id || '=' || n"
            + " FROM indicator_cell ORDER BY 1";
    static final String QUARTER_CELLS = "SELECT area_code || '|' || fact || '|' || quarter_start || '=' || n"
            + " FROM indicator_quarter_cell ORDER BY 1";
    static final String FACTS = "SELECT child_id || '|' || year_ce || '|' || province_code || '|' || subdistrict_code || '|' || sex"
            + " || '|' || age_group || '|' || unit_id || '=' || array_to_string(facts, ',') || '/' || array_to_string(ns, ',')"
            + " FROM indicator_fact ORDER BY 1";
    static final String QUARTER_FACTS = "SELECT child_id || '|' || quarter_start || '|' || province_code || '|' || subdistrict_code"
            + " || '=' || array_to_string(facts, '|') || '|' FROM indicator_quarter_fact ORDER BY 1";

    @Test
    void incrementalEqualsFullRecompute() {
        refresh.refreshDirty();
        Population p = new Population(jdbc);
        Random random = new Random(15);
        // Children of its own, enrolled at a unit no other test uses: the demo children are shared by the whole suite,
        // and flipping their sex or ending their enrolments would change what other tests see.
        UUID unit = jdbc.sql("""
                SELECT u.id FROM service_unit u
                 WHERE NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.unit_id = u.id) ORDER BY u.id DESC LIMIT 1""")
                .query(UUID.class).single();
        List<UUID> children = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            UUID child = p.child("incremental-" + i, i % 2 == 0 ? "F" : "M", today().minusDays(200 + 43L * i), "40");
            if (i < 40) {
                jdbc.sql("""
                        INSERT INTO enrolment (id, child_id, unit_id, kind, started_on, province_code, created_by)
                        VALUES (:id, :c, :u, 'ENROLLED', :on, '40', 'test')""")
                        .param("id", UUID.randomUUID()).param("c", child).param("u", unit)
                        .param("on", today().minusDays(100)).update();
            }
            children.add(child);
        }
        String[] vaccines = {"010", "041", "091", "092", "093", "061", "J11"};
        String[] outcomes = {"1B260", "1B261", "1B262"};
        String[] statuses = {"CREATED", "ACCEPTED", "COMPLETED", "CLOSED"};
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 60; i++) {
                UUID child = children.get(random.nextInt(children.size()));
                LocalDate born = jdbc.sql("SELECT date_of_birth FROM child WHERE id = :c").param("c", child)
                        .query(LocalDate.class).single();
                LocalDate on = born.plusDays(random.nextInt(2000));
                if (on.isAfter(today())) on = today();
                switch (random.nextInt(8)) {
                    case 0 -> p.growth(child, on, z(random), z(random), z(random));
                    case 1 -> p.dspm(child, on, outcomes[random.nextInt(3)]);
                    case 2 -> p.vaccine(child, vaccines[random.nextInt(vaccines.length)], on);
                    case 3 -> jdbc.sql("UPDATE child SET sex = CASE sex WHEN 'M' THEN 'F' ELSE 'M' END WHERE id = :c")
                            .param("c", child).update();
                    case 4 -> jdbc.sql("UPDATE enrolment SET ended_on = greatest(started_on, :d) WHERE child_id = :c AND ended_on IS NULL")
                            .param("d", today()).param("c", child).update();
                    case 5 -> p.referral(child, on, on.plusDays(14), statuses[random.nextInt(statuses.length)]);
                    case 6 -> p.homeVisit(child, on, random.nextBoolean() ? null : 500.0 * random.nextInt(10),
                            random.nextBoolean() ? new String[] {"dcy-csg"} : new String[] {"eef-cct", "dcy-csg"});
                    default -> jdbc.sql("UPDATE growth_measurement SET superseded_by = id WHERE id = (SELECT id FROM growth_measurement"
                            + " WHERE child_id = :c AND superseded_by IS NULL ORDER BY measured_on LIMIT 1)").param("c", child).update();
                }
            }
            refresh.refreshDirty();
        }
        List<String> incremental = jdbc.sql(CELLS).query(String.class).list();
        List<String> quarterCells = jdbc.sql(QUARTER_CELLS).query(String.class).list();
        List<String> quarterFacts = jdbc.sql(QUARTER_FACTS).query(String.class).list();
        assertThat(incremental).isNotEmpty();
        // The random writes reach the quarters shown: growth, DSPM, vaccine and referral facts among them.
        assertThat(quarterFacts).anyMatch(f -> f.contains("growth_hfa|")).anyMatch(f -> f.contains("dspm_due|"))
                .anyMatch(f -> f.contains("vacc_cohort_")).anyMatch(f -> f.contains("referral_all|"))
                .anyMatch(f -> f.contains("cash_eligible_csg|"));
        refresh.recomputeAll();
        assertThat(jdbc.sql(CELLS).query(String.class).list()).isEqualTo(incremental);
        assertThat(jdbc.sql(QUARTER_FACTS).query(String.class).list()).isEqualTo(quarterFacts);
        assertThat(jdbc.sql(QUARTER_CELLS).query(String.class).list()).isEqualTo(quarterCells);
    }

    @Test
    void aRecomputeInSmallChunksEqualsOneInLargeOnes() {
        refresh.recomputeAll();
        List<String> cells = jdbc.sql(CELLS).query(String.class).list();
        List<String> quarterFacts = jdbc.sql(QUARTER_FACTS).query(String.class).list();
        String facts = "SELECT count(*) || '/' || count(DISTINCT child_id) || '/' || sum(u.n) FROM indicator_fact f, unnest(f.facts, f.ns) u(fact, n)";
        String everyFact = jdbc.sql(facts).query(String.class).single();
        assertThat(cells).isNotEmpty();
        // Chunks of 7 end inside every province; chunks of exactly Khon Kaen's children end on its last child, so the
        // loop must ask once more and find none. A child skipped or counted twice at a boundary changes the cells.
        int khonKaen = jdbc.sql("SELECT count(*) FROM child WHERE province_code = '40'").query(Integer.class).single();
        for (int chunk : new int[] {7, khonKaen}) {
            refresh.recomputeAll((done, of) -> {}, chunk, 2);
            assertThat(jdbc.sql(facts).query(String.class).single()).as("chunk " + chunk).isEqualTo(everyFact);
            assertThat(jdbc.sql(CELLS).query(String.class).list()).as("chunk " + chunk).isEqualTo(cells);
            assertThat(jdbc.sql(QUARTER_FACTS).query(String.class).list()).as("chunk " + chunk).isEqualTo(quarterFacts);
        }
    }

    @Test
    void aRecomputeCutOffResumesWithTheProvincesItHadNotFinished() {
        // The demo's children are all in Khon Kaen: one more province, so a cut-off recompute has one left to do.
        UUID narathiwat = new Population(jdbc).child("resume-narathiwat", "F", today().minusYears(2), "96");
        refresh.recomputeAll();
        List<String> facts = jdbc.sql(FACTS).query(String.class).list();
        List<String> cells = jdbc.sql(CELLS).query(String.class).list();
        List<String> quarterFacts = jdbc.sql(QUARTER_FACTS).query(String.class).list();
        List<String> quarterCells = jdbc.sql(QUARTER_CELLS).query(String.class).list();
        int provinces = jdbc.sql("SELECT count(DISTINCT province_code) FROM child").query(Integer.class).single();
        assertThat(provinces).as("the demo's provinces").isGreaterThanOrEqualTo(2);
        String finished = "SELECT count(*) FROM indicator_recompute_province";

        // Cut off when the first province (Khon Kaen, '40') is finished; one worker, so the others are not begun.
        var cut = new IllegalStateException("cut off");
        assertThatThrownBy(() -> refresh.recomputeAll((done, of) -> { throw cut; }, 7, 1)).isSameAs(cut);
        assertThat(jdbc.sql(finished).query(Integer.class).single()).isEqualTo(1);
        assertThat(refresh.recomputed()).isFalse();
        // Meanwhile no refresher touches facts or cells: a child written now stays dirty.
        jdbc.sql("INSERT INTO indicator_dirty_child (child_id) VALUES (:c) ON CONFLICT DO NOTHING").param("c", narathiwat).update();
        assertThat(refresh.refreshDirty()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM indicator_dirty_child WHERE child_id = :c").param("c", narathiwat)
                .query(Integer.class).single()).isEqualTo(1);
        // What a cut in the middle of Narathiwat leaves (facts never added to the cells), and a cell changed by hand.
        jdbc.sql("""
                INSERT INTO indicator_fact (child_id, year_ce, province_code, district_code, subdistrict_code, sex, age_group,
                                            agency_code, unit_id, facts, ns)
                VALUES (:c, 1999, '96', '', '', 'F', '0', '', '', ARRAY['children'], ARRAY[1])""").param("c", narathiwat).update();
        jdbc.sql("UPDATE indicator_cell SET n = n + 7 WHERE ctid = (SELECT min(ctid) FROM indicator_cell)").update();

        Queue<Integer> reported = new ConcurrentLinkedQueue<>();
        refresh.recomputeAll((done, of) -> reported.add(done), 7, 2);
        assertThat(reported).as("only the provinces not finished before are computed").hasSize(provinces - 1)
                .contains(provinces);
        assertThat(jdbc.sql(FACTS).query(String.class).list()).isEqualTo(facts);
        assertThat(jdbc.sql(CELLS).query(String.class).list()).isEqualTo(cells);
        assertThat(jdbc.sql(QUARTER_FACTS).query(String.class).list()).isEqualTo(quarterFacts);
        assertThat(jdbc.sql(QUARTER_CELLS).query(String.class).list()).isEqualTo(quarterCells);
        assertThat(refresh.recomputed()).isTrue();
        assertThat(jdbc.sql(finished).query(Integer.class).single()).isZero();
        // Finished: the refresher works again, and the nightly pass looks for changes from the day the run began.
        refresh.refreshDirty();
        assertThat(jdbc.sql("SELECT count(*) FROM indicator_dirty_child").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT last_day FROM indicator_nightly").query(java.time.LocalDate.class).single())
                .isEqualTo(today());

        // A bulk write after a cut-off recompute: the next one starts from nothing.
        assertThatThrownBy(() -> refresh.recomputeAll((done, of) -> { throw cut; }, 7, 1)).isSameAs(cut);
        refresh.recomputeNeeded();
        reported.clear();
        refresh.recomputeAll((done, of) -> reported.add(done), 7, 2);
        assertThat(reported).hasSize(provinces);
        assertThat(jdbc.sql(CELLS).query(String.class).list()).isEqualTo(cells);
    }

    @Test
    void aResumeRebuildsTheCellsOnlyWhenAFinishedProvincesShareMayBeWrong() {
        // A child in Bangkok ('10', the lowest code): the province a one-worker run finishes first.
        UUID mover = new Population(jdbc).child("resume-mover", "M", today().minusYears(3), "10");
        UUID satun = new Population(jdbc).child("resume-satun", "F", today().minusYears(1), "91");
        refresh.recomputeAll();
        refresh.refreshDirty();
        List<String> facts = jdbc.sql(FACTS).query(String.class).list();
        List<String> cells = jdbc.sql(CELLS).query(String.class).list();
        var cut = new IllegalStateException("cut off");
        String marked = "UPDATE indicator_cell SET n = n + 7 WHERE ctid = (SELECT min(ctid) FROM indicator_cell)";

        // Cut off with Bangkok finished and nothing changed since: the resume keeps the cells as they are (a cell
        // changed behind its back shows it), instead of rebuilding them all from the facts.
        assertThatThrownBy(() -> refresh.recomputeAll((done, of) -> { throw cut; }, 7, 1)).isSameAs(cut);
        assertThat(jdbc.sql("SELECT province_code FROM indicator_recompute_province").query(String.class).list()).containsExactly("10");
        jdbc.sql(marked).update();
        // ... and drops the facts of a province cut off half-way (never added to the cells).
        jdbc.sql("""
                INSERT INTO indicator_fact (child_id, year_ce, province_code, district_code, subdistrict_code, sex, age_group,
                                            agency_code, unit_id, facts, ns)
                VALUES (:c, 1999, '91', '', '', 'F', '0', '', '', ARRAY['children'], ARRAY[1])""").param("c", satun).update();
        refresh.recomputeAll((done, of) -> { }, 7, 2);
        assertThat(jdbc.sql(FACTS).query(String.class).list()).isEqualTo(facts);
        assertThat(jdbc.sql(CELLS).query(String.class).list()).isNotEqualTo(cells);
        refresh.recomputeAll();
        assertThat(jdbc.sql(CELLS).query(String.class).list()).isEqualTo(cells);

        // Cut off with two provinces finished, then a bulk writer takes Bangkok back: its share is in the cells, so
        // they are rebuilt (with only Bangkok finished, the resume would start from nothing).
        assertThatThrownBy(() -> refresh.recomputeAll((done, of) -> { if (done == 2) throw cut; }, 7, 1)).isSameAs(cut);
        assertThat(jdbc.sql("SELECT count(*) FROM indicator_recompute_province").query(Integer.class).single()).isEqualTo(2);
        refresh.recomputeNeeded("10");
        refresh.recomputeAll((done, of) -> { }, 7, 2);
        assertThat(jdbc.sql(CELLS).query(String.class).list()).isEqualTo(cells);

        // A child moved out of Bangkok after it was finished: its facts go, so the cells are rebuilt without its share.
        assertThatThrownBy(() -> refresh.recomputeAll((done, of) -> { throw cut; }, 7, 1)).isSameAs(cut);
        jdbc.sql("UPDATE child SET province_code = '91' WHERE id = :c").param("c", mover).update();
        assertThat(jdbc.sql("SELECT count(*) FROM indicator_dirty_child WHERE child_id = :c").param("c", mover)
                .query(Integer.class).single()).isEqualTo(1);
        refresh.recomputeAll((done, of) -> { }, 7, 2);
        List<String> resumed = jdbc.sql(CELLS).query(String.class).list();
        refresh.recomputeAll();
        assertThat(resumed).isEqualTo(jdbc.sql(CELLS).query(String.class).list());
    }

    private static Double z(Random random) {
        return random.nextInt(10) == 0 ? null : Math.round((random.nextGaussian() * 2) * 100) / 100.0;
    }
}
