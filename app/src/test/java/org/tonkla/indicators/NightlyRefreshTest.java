package org.tonkla.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tonkla.IntegrationTest;

/**
 * The nightly pass marks only the children whose facts the passing days changed, and that is enough: walked day by day
 * across the start of a quarter, with children reaching each DSPM key age and vaccine birthday and referrals falling
 * due in those days, the refreshed cells equal a full recompute on every day.
 */
class NightlyRefreshTest extends IntegrationTest {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired IndicatorDefinitions definitions;
    @Autowired IndicatorRefresh refresh;

    @Test
    void theDaysChangeOnlyTheChildrenMarkedAndTheCellsEqualARecompute() {
        // Days in the future of every record (records cannot be dated in the future), across a quarter's start that is
        // not a new year's, so the oldest quarter shown drops out on the way.
        LocalDate quarter = QuarterScheme.startOf(today().plusDays(10)).plusMonths(3);
        if (quarter.getMonthValue() == 1) quarter = quarter.plusMonths(3);
        LocalDate first = quarter.minusDays(6);
        LocalDate last = quarter.plusDays(5);

        var p = new Population(jdbc);
        int[] months = {9, 12, 18, 24, 30, 42, 60};
        for (int i = 0; i < months.length; i++) {
            LocalDate reaches = first.plusDays(1 + i);
            UUID child = p.child("nightly-" + months[i], i % 2 == 0 ? "F" : "M", reaches.minusMonths(months[i]), "40");
            p.vaccine(child, "010", reaches.minusMonths(months[i]).plusDays(1)); // born months ago: a day in the past
        }
        UUID referred = p.child("nightly-referred", "F", today().minusYears(3), "40");
        p.referral(referred, today(), first.plusDays(3), "CREATED");
        refresh.refreshDirty();
        int children = jdbc.sql("SELECT count(*) FROM child").query(Integer.class).single();

        // One transaction, rolled back: the walk's facts, as of days to come, never reach the other tests, and the
        // application's own refresher waits on the lock until it ends.
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            at(first).refresh.recomputeAll((done, of) -> {}, IndicatorRefresh.CHUNK, 1);
            jdbc.sql("DELETE FROM indicator_nightly").update();
            assertThat(at(first).nightly.markChangedByTheDate()).as("the first pass marks everyone").isEqualTo(children);
            at(first).refresh.refreshDirty();
            int markedInAll = 0;
            for (LocalDate day = first.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
                var on = at(day);
                int marked = on.nightly.markChangedByTheDate();
                markedInAll += marked;
                on.refresh.refreshDirty();
                List<String> cells = jdbc.sql(IncrementalRefreshTest.CELLS).query(String.class).list();
                List<String> quarterCells = jdbc.sql(IncrementalRefreshTest.QUARTER_CELLS).query(String.class).list();
                List<String> quarterFacts = jdbc.sql(IncrementalRefreshTest.QUARTER_FACTS).query(String.class).list();
                on.refresh.recomputeAll((done, of) -> {}, IndicatorRefresh.CHUNK, 1);
                assertThat(cells).as("cells on " + day).isEqualTo(jdbc.sql(IncrementalRefreshTest.CELLS).query(String.class).list());
                assertThat(quarterCells).as("quarter cells on " + day)
                        .isEqualTo(jdbc.sql(IncrementalRefreshTest.QUARTER_CELLS).query(String.class).list());
                assertThat(quarterFacts).as("quarter facts on " + day)
                        .isEqualTo(jdbc.sql(IncrementalRefreshTest.QUARTER_FACTS).query(String.class).list());
                assertThat(on.nightly.markChangedByTheDate()).as("a second pass the same day").isZero();
            }
            // The walk's own children and the referral are among those marked, and far fewer than everyone each day.
            assertThat(markedInAll).isGreaterThanOrEqualTo(months.length + 1).isLessThan(children);
        });
    }

    private record Day(IndicatorRefresh refresh, NightlyRefresh nightly) {}

    private Day at(LocalDate day) {
        Clock clock = Clock.fixed(day.atTime(2, 0).atZone(BANGKOK).toInstant(), BANGKOK);
        var refreshOn = new IndicatorRefresh(jdbc, tx, clock, definitions, "test", 1);
        return new Day(refreshOn, new NightlyRefresh(jdbc, tx, clock, definitions, refreshOn));
    }
}
