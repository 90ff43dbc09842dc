package org.tonkla.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;

/**
 * {@code ./tonkla generate}: the synthetic pilot lands in the three pilot districts, is the same for
 * the same seed, and a second run (or a resumed one) adds nothing twice.
 */
class SyntheticChildrenTest extends IntegrationTest {

    @Autowired
    SyntheticChildren population;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSecondRunWithTheSameSeedAddsNothing() {
        long children = count("child");
        long measurements = count("growth_measurement");
        assertThat(population.generate(40, 77)).isEqualTo(40);
        assertThat(count("child")).isEqualTo(children + 40);
        long afterFirst = count("growth_measurement");
        assertThat(afterFirst).isGreaterThan(measurements);

        assertThat(population.generate(40, 77)).isZero();
        assertThat(count("child")).isEqualTo(children + 40);
        assertThat(count("growth_measurement")).isEqualTo(afterFirst);
    }

    @Test
    void everyChildLivesInAPilotDistrictAndIsRegisteredAtItsHealthCenter() {
        population.generate(30, 78);
        List<String> districts = jdbc.sql("""
                SELECT DISTINCT substr(h.subdistrict_code, 1, 4) FROM child c JOIN household h ON h.id = c.household_id
                WHERE c.created_by = 'tonkla-generate'""").query(String.class).list();
        assertThat(districts).isNotEmpty().allSatisfy(d -> assertThat(d).isIn("4001", "4007", "4018"));
        long unregistered = jdbc.sql("""
                SELECT count(*) FROM child c WHERE c.created_by = 'tonkla-generate' AND NOT EXISTS (
                  SELECT 1 FROM enrolment e JOIN service_unit u ON u.id = e.unit_id
                  WHERE e.child_id = c.id AND e.kind = 'REGISTERED' AND u.type = 'HEALTH_CENTER')""")
                .query(Long.class).single();
        assertThat(unregistered).isZero();
    }

    @Test
    void optionsNameWhatIsWrong() {
        assertThat(GenerateCommand.Options.parse(List.of("--pilot")).children()).isEqualTo(48_000);
        assertThat(GenerateCommand.Options.parse(List.of("--centers", "50000", "--seed=3")))
                .isEqualTo(new GenerateCommand.Options(0, 50_000, 3, false));
        assertThatThrownBy(() -> GenerateCommand.Options.parse(List.of("--children", "many")))
                .hasMessage("--children needs a positive whole number, got many");
        assertThatThrownBy(() -> GenerateCommand.Options.parse(List.of()))
                .hasMessage("Nothing to generate");
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
