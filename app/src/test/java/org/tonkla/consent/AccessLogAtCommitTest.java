package org.tonkla.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tonkla.IntegrationTest;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;

/**
 * Entries logged inside a transaction are written by its last statement, all-or-nothing with it, and no reader
 * of a province waits for another's open transaction (issue 15 §4).
 * Each test writes its own chain ("Y" and a letter) and removes it afterwards.
 */
class AccessLogAtCommitTest extends IntegrationTest {

    private static final AtomicInteger CHAINS = new AtomicInteger();

    @Autowired
    AccessLog log;
    @Autowired
    AccessLogChains chains;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    private final CurrentUser nurse = new CurrentUser(UUID.randomUUID(), "nurse.commit", "พยาบาล ทดสอบ",
            Role.HEALTH_WORKER, new Scope("MOPH", OrgUnit.serviceUnit(UUID.randomUUID())), "th");

    private static String newChain() {
        return "Y" + (char) ('A' + CHAINS.getAndIncrement());
    }

    private long entries(String chain) {
        return jdbc.sql("SELECT count(*) FROM access_log WHERE province_code = ?").param(chain).query(Long.class).single();
    }

    private void remove(String chain) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("ALTER TABLE access_log DISABLE TRIGGER access_log_no_update").update();
            jdbc.sql("DELETE FROM access_log WHERE province_code = ?").param(chain).update();
            jdbc.sql("ALTER TABLE access_log ENABLE TRIGGER access_log_no_update").update();
        });
    }

    private List<AccessLogChains.Problem> verify(String chain) {
        var problems = new ArrayList<AccessLogChains.Problem>();
        chains.verify(chain, problems::add);
        return problems;
    }

    @Test
    void anEntryIsWrittenWhenItsTransactionCommitsAndAReadOfTheLogInsideItSeesIt() {
        String chain = newChain();
        UUID child = UUID.randomUUID();
        try {
            long[] seen = new long[2];
            tx.executeWithoutResult(s -> {
                log.record(nurse, child, chain, AccessLog.Action.READ, "care", null);
                seen[0] = entries(chain);
                seen[1] = log.countBy(child, "nurse.commit"); // the family's count of its own visits, in the same read
            });
            assertThat(seen).containsExactly(0, 1);
            assertThat(entries(chain)).isEqualTo(1);
            assertThat(verify(chain)).isEmpty();
        } finally {
            remove(chain);
        }
    }

    @Test
    void aTransactionThatRollsBackLeavesNoEntry() {
        String chain = newChain();
        try {
            tx.executeWithoutResult(s -> {
                log.record(nurse, UUID.randomUUID(), chain, AccessLog.Action.READ, "care", null);
                log.recordAll(nurse, List.of(UUID.randomUUID(), UUID.randomUUID()), List.of(chain, chain),
                        AccessLog.Action.READ, "roster");
                s.setRollbackOnly();
            });
            assertThat(entries(chain)).isZero();
        } finally {
            remove(chain);
        }
    }

    @Test
    void anotherReaderOfTheSameProvinceDoesNotWaitForTheRestOfAnOpenTransaction() throws Exception {
        String chain = newChain();
        try {
            tx.executeWithoutResult(s -> {
                log.record(nurse, UUID.randomUUID(), chain, AccessLog.Action.READ, "care", "first");
                // While this transaction is still open, a read elsewhere logs to the same chain and commits.
                var other = CompletableFuture.runAsync(
                        () -> log.record(nurse, UUID.randomUUID(), chain, AccessLog.Action.READ, "care", "second"));
                try {
                    other.get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("the other reader waited for this transaction's chain lock", e);
                }
            });
            assertThat(verify(chain)).isEmpty(); // verifying seals first
            assertThat(jdbc.sql("SELECT detail FROM access_log WHERE province_code = ? ORDER BY seq").param(chain)
                    .query(String.class).list()).containsExactlyInAnyOrder("second", "first");
        } finally {
            remove(chain);
        }
    }
}
