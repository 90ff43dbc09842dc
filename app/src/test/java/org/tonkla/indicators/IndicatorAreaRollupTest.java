package org.tonkla.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;

/**
 * The per-area sums the dashboards read (V147) stay equal to the cells summed per subdistrict, through incremental
 * refreshes (inserts, updates, deletes of cells) and a full recompute (truncate).
 */
class IndicatorAreaRollupTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired IndicatorRefresh refresh;

    private static final String FROM_CELLS = "SELECT year_ce || '|' || fact || '|' || province_code || '|' || district_code"
            + " || '|' || subdistrict_code || '=' || sum(n) FROM indicator_cell GROUP BY year_ce, fact, province_code,"
            + " district_code, subdistrict_code HAVING sum(n) > 0 ORDER BY 1";
    private static final String ROLLUP = "SELECT year_ce || '|' || fact || '|' || province_code || '|' || district_code"
            + " || '|' || subdistrict_code || '=' || n FROM indicator_area_cell WHERE n <> 0 ORDER BY 1";

    @Test
    void areaSumsFollowTheCells() {
        refresh.refreshDirty();
        Population p = new Population(jdbc);
        UUID a = p.child("rollup-a", "F", today().minusDays(400), "40");
        UUID b = p.child("rollup-b", "M", today().minusDays(900), "40");
        p.growth(a, today().minusDays(10), -2.5, -2.5, -2.5);
        p.growth(b, today().minusDays(20), 0.3, 0.1, 0.2);
        refresh.refreshDirty();
        List<String> expected = jdbc.sql(FROM_CELLS).query(String.class).list();
        assertThat(expected).isNotEmpty();
        assertThat(jdbc.sql(ROLLUP).query(String.class).list()).isEqualTo(expected);

        // A correction moves a child between facts (cells updated and deleted), a sex change between cells.
        jdbc.sql("UPDATE growth_measurement SET superseded_by = id WHERE child_id = :c").param("c", a).update();
        jdbc.sql("UPDATE child SET sex = 'F' WHERE id = :c").param("c", b).update();
        refresh.refreshDirty();
        assertThat(jdbc.sql(ROLLUP).query(String.class).list()).isEqualTo(jdbc.sql(FROM_CELLS).query(String.class).list())
                .isNotEqualTo(expected);

        refresh.recomputeAll();
        assertThat(jdbc.sql(ROLLUP).query(String.class).list()).isEqualTo(jdbc.sql(FROM_CELLS).query(String.class).list());
    }
}
