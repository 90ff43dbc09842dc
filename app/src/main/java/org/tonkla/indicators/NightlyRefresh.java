package org.tonkla.indicators;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tonkla.indicators.internal.FactSql;

/**
 * The nightly pass over the facts that change with the date alone (a DSPM key age or a vaccine birthday reached, a
 * referral overdue, the quarters a trend shows, a new year). Writes mark their own children dirty; this marks the
 * children whose facts the passing days changed since the last pass, and the refresher brings them up to date. Only
 * on the first pass and in a new year is every child marked (each child gains the year's row). Marking everyone every
 * night, as before, kept a country's four million children refreshing for hours for a few thousand changes.
 */
@Service
class NightlyRefresh {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final IndicatorDefinitions.Quarters quarters;
    private final IndicatorRefresh refresh;

    NightlyRefresh(JdbcClient jdbc, TransactionTemplate tx, Clock clock, IndicatorDefinitions definitions,
            IndicatorRefresh refresh) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.quarters = definitions.quarters();
        this.refresh = refresh;
    }

    @Scheduled(cron = "${tonkla.indicators.nightly-cron:0 15 1 * * *}", zone = "Asia/Bangkok")
    void nightly() {
        markChangedByTheDate();
        refresh.refreshDirty();
    }

    /** Marks the children whose facts the days since the last pass changed; returns how many were marked. */
    int markChangedByTheDate() {
        LocalDate today = LocalDate.now(clock);
        return tx.execute(status -> {
            refresh.lockCells();
            LocalDate last = jdbc.sql("SELECT last_day FROM indicator_nightly").query(LocalDate.class).optional().orElse(null);
            int marked;
            if (last == null || last.getYear() != today.getYear() || last.isAfter(today)) {
                marked = jdbc.sql("INSERT INTO indicator_dirty_child (child_id) SELECT id FROM child ON CONFLICT DO NOTHING").update();
            } else if (last.equals(today)) {
                marked = 0;
            } else {
                LocalDate from = quarters.firstShown(today);
                if (!from.equals(quarters.firstShown(last))) {
                    // The oldest quarters are no longer shown: their facts and sums go. A quarter's facts depend on its
                    // own days only, so the quarters still shown are unchanged by it.
                    jdbc.sql("DELETE FROM indicator_quarter_fact WHERE quarter_start < :from").param("from", from).update();
                    jdbc.sql("DELETE FROM indicator_quarter_cell WHERE quarter_start < :from").param("from", from).update();
                }
                marked = jdbc.sql("INSERT INTO indicator_dirty_child (child_id) " + FactSql.CHANGED_BY_THE_DATE
                        + " ON CONFLICT DO NOTHING").param("last", last).param("today", today).update();
            }
            jdbc.sql("""
                    INSERT INTO indicator_nightly (last_day) VALUES (:today)
                    ON CONFLICT (only_row) DO UPDATE SET last_day = EXCLUDED.last_day""").param("today", today).update();
            return marked;
        });
    }
}
