package org.tonkla.registry.internal;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tonkla.core.thai.ThaiNameKeys;

/**
 * Recomputes the children's stored Thai sound keys ({@code child.name_key_*}) when core's
 * algorithms change (THAI-RULES §8: "a changed table changes every key"). The version the stored
 * keys were made with is kept in {@code registry_name_key_version}; at start-up a version other than
 * {@link ThaiNameKeys#VERSION} (or none: keys made
 * before versions were recorded) sends every child through {@link NameKeys} again, in batches of
 * {@value #BATCH}, each its own transaction, writing only the rows whose keys changed. The version is
 * recorded last, so a node stopped half-way starts over; recomputing is idempotent, so two nodes starting
 * together only repeat work.
 */
@Component
@Order(5) // before the demo data (50) and the generate command (200), which search by these keys
public class NameKeyRecompute implements ApplicationRunner {

    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(NameKeyRecompute.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    NameKeyRecompute(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!ThaiNameKeys.VERSION.equals(storedVersion())) {
            int changed = recompute();
            log.info("Thai name keys recomputed for {} ({} children changed)", ThaiNameKeys.VERSION, changed);
        }
    }

    /** The version the stored keys were made with; {@code null} when none is recorded. */
    public String storedVersion() {
        return jdbc.sql("SELECT version FROM registry_name_key_version").query(String.class).optional().orElse(null);
    }

    /**
     * Recomputes every child's keys with the present algorithms and records their version.
     *
     * @return how many children's keys changed
     */
    public int recompute() {
        record Row(UUID id, String given, String family, String lk82, String udom83, String metaSound) {}
        int changed = 0;
        UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
        boolean first = true;
        while (true) {
            UUID from = after;
            boolean initial = first;
            List<Row> rows = jdbc.sql("""
                    SELECT id, given_name_th, family_name_th, name_key_lk82, name_key_udom83, name_key_metasound
                      FROM child WHERE (:initial OR id > :after) ORDER BY id LIMIT :batch""")
                    .param("initial", initial).param("after", from).param("batch", BATCH)
                    .query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)))
                    .list();
            if (rows.isEmpty()) break;
            changed += tx.execute(status -> {
                int n = 0;
                for (Row row : rows) {
                    NameKeys keys = NameKeys.of(row.given(), row.family());
                    if (keys.lk82().equals(row.lk82()) && keys.udom83().equals(row.udom83())
                            && keys.metaSound().equals(row.metaSound())) continue;
                    n += jdbc.sql("""
                            UPDATE child SET name_key_lk82 = ?, name_key_udom83 = ?, name_key_metasound = ? WHERE id = ?""")
                            .params(keys.lk82(), keys.udom83(), keys.metaSound(), row.id()).update();
                }
                return n;
            });
            after = rows.getLast().id();
            first = false;
        }
        jdbc.sql("""
                INSERT INTO registry_name_key_version (version) VALUES (?)
                ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version, updated_at = now()""")
                .param(ThaiNameKeys.VERSION).update();
        return changed;
    }
}
