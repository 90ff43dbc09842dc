package org.tonkla.consent;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends committed access-log entries to their province's hash chain (migration V51): every second, and
 * before anything verifies the chains or publishes their heads. Entries are inserted unsealed by the
 * transaction that reads or writes the data, so that no reader waits for another's commit; sealing them
 * here, a batch per transaction, is the chain's only writer.
 */
@Component
class AccessLogSealer {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLogSealer.class);
    /** Entries per sealing transaction: a bulk import's backlog is sealed in steps, each holding the lock briefly. */
    static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    AccessLogSealer(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        // Its own transaction even when called inside another: the seal must not wait for, or roll back with, it.
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(fixedDelayString = "${tonkla.access-log.seal-every:PT1S}", initialDelayString = "${tonkla.access-log.seal-every:PT1S}")
    void sealInBackground() {
        try {
            sealAll();
        } catch (RuntimeException e) { // the next round tries again; entries wait unsealed, none is lost
            LOG.warn("Sealing the access log failed; retrying in the next round: {}", e.getMessage());
        }
    }

    /** Entries committed more than a minute ago and still unsealed after a round, per province: sealing is blocked. */
    java.util.Map<String, Long> stuck() {
        var out = new java.util.TreeMap<String, Long>();
        jdbc.sql("""
                SELECT province_code, count(*) FROM access_log
                 WHERE seq IS NULL AND occurred_at < now() - interval '1 minute' GROUP BY province_code""")
                .query((rs, i) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    /** Seals every committed unsealed entry, province by province; returns how many. */
    long sealAll() {
        long sealed = 0;
        // The provinces with unsealed entries, from the small partial index, then each to its chain's end.
        List<String> provinces = jdbc.sql("""
                WITH RECURSIVE p(code) AS (
                    SELECT min(province_code) FROM access_log WHERE seq IS NULL
                    UNION ALL
                    SELECT (SELECT min(province_code) FROM access_log WHERE seq IS NULL AND province_code > code)
                    FROM p WHERE code IS NOT NULL)
                SELECT code FROM p WHERE code IS NOT NULL""").query(String.class).list();
        for (String province : provinces) {
            try {
                int n;
                do { // -1: another session holds the chain's key (another node sealing); verify reports what stays
                    n = tx.execute(s -> jdbc.sql("SELECT access_log_seal(?, ?)").params(province, BATCH)
                            .query(Integer.class).single());
                    sealed += Math.max(n, 0);
                } while (n == BATCH);
            } catch (RuntimeException e) { // one province's broken chain or locked entry must not stop the others' sealing
                LOG.warn("Sealing the access log of province {} failed; its entries wait unsealed: {}", province,
                        e.getMessage());
            }
        }
        return sealed;
    }
}
