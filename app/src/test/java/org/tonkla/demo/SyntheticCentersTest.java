package org.tonkla.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tonkla.IntegrationTest;

/**
 * {@code ./tonkla generate --centers N} (and the centers of {@code --country}) stopped part-way goes on where it
 * stopped when run again: a rerun once skipped every center as soon as the first one was there.
 */
class SyntheticCentersTest extends IntegrationTest {

    private static final long SEED = 77;

    @Autowired SyntheticCenters centers;
    @Autowired JdbcClient jdbc;

    @Test
    void aRunStoppedAfterItsFirstBatchIsFinishedByTheNextRun() {
        // The first run "stops" after its first batch of three centers: a run of three in batches of three.
        centers.generate(3, SEED, 3);
        assertThat(present()).isEqualTo(3);
        // The full run in the same batches: the first batch is here and skipped (writing it again would fail on its
        // ids), the second is written.
        centers.generate(5, SEED, 3);
        assertThat(present()).isEqualTo(5);
        // Run again: nothing to add.
        centers.generate(5, SEED, 3);
        assertThat(present()).isEqualTo(5);
    }

    private long present() {
        UUID[] ids = IntStream.range(0, 6).mapToObj(i -> SyntheticCenters.unitId(SEED, i)).toArray(UUID[]::new);
        return jdbc.sql("SELECT count(*) FROM service_unit WHERE id = ANY(?)").param((Object) ids).query(Long.class).single();
    }
}
