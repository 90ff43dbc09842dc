package org.tonkla.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;

/**
 * {@code ./tonkla generate --country}: children land in the provinces in proportion to the DOPA registered
 * population (largest remainder, so every province is within one child of its exact share), the run streams
 * in batches instead of holding the population, and a restarted run adds nothing twice.
 */
class SyntheticCountryTest extends IntegrationTest {

    private static final long SEED = 91;

    @Autowired
    SyntheticCountry country;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CountryDiskCheck disk;

    @Autowired
    org.tonkla.indicators.IndicatorRefresh indicators;

    @Test
    void thePlanFollowsThePopulationOfEachProvince() {
        Map<String, Long> population = SyntheticCountry.populations();
        assertThat(population).hasSize(77).containsKeys("10", "40", "96");
        long sum = population.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Integer> plan = SyntheticCountry.plan(population, 4_000_000);
        assertThat(plan.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4_000_000);
        population.forEach((code, people) -> {
            double exact = 4_000_000.0 * people / sum;
            assertThat((double) plan.get(code)).as(code).isBetween(Math.floor(exact), Math.ceil(exact));
        });
        // Bangkok is the largest province and Samut Songkhram the smallest in the 2023 register.
        assertThat(plan.get("10")).isEqualTo(plan.values().stream().mapToInt(Integer::intValue).max().orElseThrow());
        assertThat(plan.get("75")).isEqualTo(plan.values().stream().mapToInt(Integer::intValue).min().orElseThrow());
    }

    @Test
    void aSmallCountryIsStreamedIntoItsProvincesAndARestartAddsNothing() {
        double scale = 0.001;
        int total = 4_000;
        indicators.recomputeNeeded(); // from nothing: the indicators are computed alongside, a province once it is written
        assertThat(country.generate(scale, SEED)).isEqualTo(total);
        assertThat(country.computedAlongside()).isTrue();
        // ... and they are those of a recompute after the last child.
        assertCellsAreThoseOfARecompute();
        // Streaming: never more than one batch of children in memory, and this run needed two.
        assertThat(country.mostHeld()).isLessThanOrEqualTo(SyntheticCountry.BATCH).isLessThan(total);

        UUID[] ids = IntStream.range(0, total).mapToObj(i -> SyntheticCountry.childId(SEED, i).value()).toArray(UUID[]::new);
        Map<String, Integer> byProvince = new HashMap<>();
        jdbc.sql("SELECT province_code, count(*) FROM child WHERE id = ANY(?) GROUP BY province_code").param((Object) ids)
                .query((rs, n) -> byProvince.put(rs.getString(1), rs.getInt(2))).list();
        Map<String, Integer> plan = SyntheticCountry.plan(SyntheticCountry.populations(), total);
        Map<String, Integer> planned = new HashMap<>(plan);
        planned.values().removeIf(n -> n == 0);
        assertThat(byProvince).isEqualTo(planned);

        long records = jdbc.sql("SELECT count(*) FROM growth_measurement WHERE child_id = ANY(?)").param((Object) ids)
                .query(Long.class).single();
        assertThat(records).isGreaterThan(total); // several visits a child, as the pilot has
        long registered = jdbc.sql("""
                SELECT count(DISTINCT e.child_id) FROM enrolment e JOIN service_unit u ON u.id = e.unit_id
                WHERE e.child_id = ANY(?) AND e.kind = 'REGISTERED' AND u.type = 'HEALTH_CENTER'
                  AND u.subdistrict_code LIKE e.province_code || '%'""").param((Object) ids).query(Long.class).single();
        assertThat(registered).isEqualTo(total);
        long centers = jdbc.sql("SELECT count(*) FROM service_unit WHERE name_th LIKE '%(จำลอง)' AND type <> 'HEALTH_CENTER'")
                .query(Long.class).single();
        assertThat(centers).isGreaterThanOrEqualTo(50);

        // The disk check counts only the children still to write: none now.
        assertThat(disk.room(plan, SEED).children()).isZero();
        assertThat(disk.room(plan, SEED).needed()).isZero();
        // A rerun that adds nothing does not compute every child's indicators again (hours with the whole country) ...
        java.time.Instant computed = jdbc.sql("SELECT finished_at FROM indicator_recompute").query(java.time.Instant.class).single();
        assertThat(country.generate(scale, SEED)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM child WHERE id = ANY(?)").param((Object) ids).query(Long.class).single())
                .isEqualTo(total);
        assertThat(jdbc.sql("SELECT finished_at FROM indicator_recompute").query(java.time.Instant.class).single()).isEqualTo(computed);
        // ... unless a run wrote children and stopped before its recompute ended.
        indicators.recomputeNeeded();
        assertThat(country.generate(scale, SEED)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM indicator_recompute").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM indicator_fact WHERE child_id = ANY(?)").param((Object) ids).query(Long.class).single())
                .isPositive();

        // A recompute cut off after it had finished every province, then a rerun at a larger scale (more centers, and
        // children in provinces that recompute had finished): resumed alongside, it computes those provinces again.
        jdbc.sql("DELETE FROM indicator_recompute").update();
        jdbc.sql("INSERT INTO indicator_recompute_run (started_on, cells_exact) VALUES (current_date, true)").update();
        jdbc.sql("""
                INSERT INTO indicator_recompute_province (province_code, finished_at)
                SELECT DISTINCT province_code, now() FROM child""").update();
        assertThat(country.generate(0.0015, SEED)).isEqualTo(2_000);
        assertThat(country.computedAlongside()).isTrue();
        assertCellsAreThoseOfARecompute();
        assertThat(jdbc.sql("SELECT count(*) FROM service_unit WHERE name_th LIKE '%(จำลอง)' AND type <> 'HEALTH_CENTER'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(75);
    }

    private void assertCellsAreThoseOfARecompute() {
        jdbc.sql("DROP TABLE IF EXISTS alongside_cell").update();
        jdbc.sql("CREATE TABLE alongside_cell AS SELECT year_ce, fact, province_code, district_code, subdistrict_code, sex,"
                + " age_group, agency_code, unit_id, n FROM indicator_cell").update();
        indicators.recomputeAll();
        String cells = "SELECT year_ce, fact, province_code, district_code, subdistrict_code, sex, age_group, agency_code, unit_id, n FROM ";
        assertThat(jdbc.sql("SELECT count(*) FROM (" + cells + "alongside_cell EXCEPT ALL " + cells + "indicator_cell) d")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM (" + cells + "indicator_cell EXCEPT ALL " + cells + "alongside_cell) d")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM alongside_cell WHERE fact = 'children'").query(Long.class).single()).isPositive();
        jdbc.sql("DROP TABLE alongside_cell").update();
    }

    @Test
    void theWholeCountryStatesTheDiskItNeedsBeforeWritingAnything() {
        // A seed no test generated: all 4,000,000 children are still to write.
        var room = disk.room(SyntheticCountry.plan(SyntheticCountry.populations(), SyntheticCountry.children(1)), 92);
        assertThat(room.children()).isEqualTo(4_000_000);
        assertThat(room.needed()).isEqualTo(4_000_000L * CountryDiskCheck.BYTES_PER_CHILD + CountryDiskCheck.HEADROOM);
        // The test database is embedded, so its disk is this machine's and is checked.
        assertThat(room.where()).isNotNull();
        assertThat(room.free()).isPositive();
        assertThat(room.describe()).startsWith("4,000,000 children to write need about ").contains(" GB free at ");
        assertThat(new CountryDiskCheck.Room(10, 100, 99, "/data").enough()).isFalse();
        assertThat(new CountryDiskCheck.Room(10, 100, 100, "/data").enough()).isTrue();
        assertThat(new CountryDiskCheck.Room(10, 100, 0, null).enough()).as("a database elsewhere is not checked").isTrue();
    }

    @Test
    void badArgumentsAreToldBeforeAnythingStarts() {
        assertThat(GenerateArguments.problem(List.of("--tonkla.command=generate", "--country", "--scale", "abc")))
                .startsWith("--scale needs a number above 0 and at most 2, got abc").contains("Usage: ./tonkla generate");
        assertThat(GenerateArguments.problem(List.of("--tonkla.command=generate", "--country", "--scale", "0.01"))).isNull();
        // What the launcher adds for the command (TonklaApplication) is not the user's option.
        assertThat(GenerateCommand.Options.parse(List.of("--country", "--scale", "0.01", "--tonkla.demo.enabled=false",
                "--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off")).country()).isEqualTo(0.01);
    }

    @Test
    void countryOptions() {
        assertThat(GenerateCommand.Options.parse(List.of("--country")).country()).isEqualTo(1.0);
        assertThat(GenerateCommand.Options.parse(List.of("--country", "--scale", "0.01")).country()).isEqualTo(0.01);
        assertThat(GenerateCommand.Options.parse(List.of("--scale=0.05", "--country")).country()).isEqualTo(0.05);
        assertThat(GenerateCommand.Options.parse(List.of("--country", "--skip-disk-check", "--scale", "0.1")))
                .satisfies(o -> assertThat(o.skipDiskCheck()).isTrue()).satisfies(o -> assertThat(o.country()).isEqualTo(0.1));
        assertThat(GenerateCommand.Options.parse(List.of("--country")).skipDiskCheck()).isFalse();
        assertThatThrownBy(() -> GenerateCommand.Options.parse(List.of("--pilot", "--skip-disk-check")))
                .hasMessage("--skip-disk-check goes with --country");
        assertThatThrownBy(() -> GenerateCommand.Options.parse(List.of("--scale", "0.5")))
                .hasMessage("--scale goes with --country");
        // A flag with a value, or an option given twice, is a mistake to tell, not to guess at.
        assertThatThrownBy(() -> GenerateCommand.Options.parse(List.of("--country", "--skip-disk-check=no")))
                .hasMessage("--skip-disk-check takes no value, got --skip-disk-check=no");
        assertThatThrownBy(() -> GenerateCommand.Options.parse(List.of("--country", "--scale", "0.1", "--scale", "0.2")))
                .hasMessage("--scale is given twice");
        assertThatThrownBy(() -> GenerateCommand.Options.parse(List.of("--pilot", "5")))
                .hasMessage("Unknown option 5");
        assertThatThrownBy(() -> GenerateCommand.Options.parse(List.of("--country", "--scale")))
                .hasMessage("--scale needs a number above 0 and at most 2, got nothing");
        assertThatThrownBy(() -> GenerateCommand.Options.parse(List.of("--country", "--scale", "0.002", "--pilot")))
                .hasMessageStartingWith("--country makes its own children");
        assertThatThrownBy(() -> GenerateCommand.Options.parse(List.of("--country", "--scale", "1e-9")))
                .hasMessage("--scale 1.0E-9 is less than one child of the country's 4,000,000");
        assertThatThrownBy(() -> GenerateCommand.Options.parse(List.of("--country", "--scale", "0")))
                .hasMessage("--scale needs a number above 0 and at most 2, got 0");
    }
}
