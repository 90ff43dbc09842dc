package org.tonkla.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * Entries are chained after they commit (migration V51): they arrive unsealed whatever the writer supplies,
 * the one change they take is their seal, once, and sealing never waits for a transaction still open. Each
 * test writes its own chain ("X" and a letter) and removes it afterwards.
 */
class AccessLogSealingTest extends IntegrationTest {

    private static final java.util.concurrent.atomic.AtomicInteger CHAINS = new java.util.concurrent.atomic.AtomicInteger();

    @Autowired
    AccessLog log;
    @Autowired
    AccessLogChains chains;
    @Autowired
    AccessLogSealer sealer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    private final CurrentUser nurse = new CurrentUser(UUID.randomUUID(), "nurse.seal", "พยาบาล ผนึก",
            Role.HEALTH_WORKER, new Scope("MOPH", OrgUnit.serviceUnit(UUID.randomUUID())), "th");

    private static String newChain() {
        return "X" + (char) ('A' + CHAINS.getAndIncrement());
    }

    private Long seqOf(String detail, String chain) {
        return jdbc.sql("SELECT seq FROM access_log WHERE province_code = ? AND detail = ?").params(chain, detail)
                .query((rs, i) -> rs.getObject(1, Long.class)).list().getFirst(); // null while unsealed
    }

    private void remove(String chain) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("ALTER TABLE access_log DISABLE TRIGGER access_log_no_update").update();
            jdbc.sql("DELETE FROM access_log WHERE province_code = ?").param(chain).update();
            jdbc.sql("ALTER TABLE access_log ENABLE TRIGGER access_log_no_update").update();
        });
    }

    private java.util.List<AccessLogChains.Problem> verify(String chain) {
        var problems = new ArrayList<AccessLogChains.Problem>();
        chains.verify(chain, problems::add);
        return problems;
    }

    @Test
    void anEntryArrivesUnsealedWhateverItsWriterSuppliesAndIsSealedAtTheChainsEnd() {
        String chain = newChain();
        try {
            log.record(nurse, UUID.randomUUID(), chain, AccessLog.Action.READ, "care", "one");
            sealer.sealAll();
            // A writer that names its own place in the chain is ignored: the entry waits for the sealer.
            jdbc.sql("""
                    INSERT INTO access_log (id, occurred_at, child_id, province_code, username, role, action, purpose, detail,
                                            seq, prev_hash, hash)
                    VALUES (gen_random_uuid(), now(), gen_random_uuid(), ?, 'someone', 'HEALTH_WORKER', 'READ', 'care', 'two',
                            1, '\\x00', '\\x00')""").param(chain).update();
            assertThat(seqOf("one", chain)).isEqualTo(1);
            assertThat(seqOf("two", chain)).isNull();

            assertThat(sealer.sealAll()).isGreaterThanOrEqualTo(1);
            assertThat(seqOf("two", chain)).isEqualTo(2);
            assertThat(verify(chain)).isEmpty();
        } finally {
            remove(chain);
        }
    }

    @Test
    void anUnsealedEntryCannotBeChangedOrDeletedAndASealedOneCannotBeResealed() {
        String chain = newChain();
        try {
            log.record(nurse, UUID.randomUUID(), chain, AccessLog.Action.READ, "care", "kept");
            assertThatThrownBy(() -> jdbc.sql("UPDATE access_log SET purpose = 'research' WHERE province_code = ?")
                    .param(chain).update()).hasMessageContaining("append-only");
            // Sealing with a changed field is refused too: only the seal's own columns may change.
            assertThatThrownBy(() -> jdbc.sql("""
                    UPDATE access_log SET seq = 1, prev_hash = '\\x00', hash = '\\x00', detail = 'changed'
                    WHERE province_code = ?""").param(chain).update()).hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM access_log WHERE province_code = ?").param(chain).update())
                    .hasMessageContaining("append-only");
            // A seal that does not continue the chain (a made-up seq would stop the province's sealing) is refused.
            assertThatThrownBy(() -> jdbc.sql("""
                    UPDATE access_log SET seq = 9223372036854775807, prev_hash = '\\x00', hash = '\\x00'
                    WHERE province_code = ?""").param(chain).update()).hasMessageContaining("continue its chain");
            sealer.sealAll();
            assertThatThrownBy(() -> jdbc.sql("UPDATE access_log SET seq = 7 WHERE province_code = ?").param(chain).update())
                    .hasMessageContaining("append-only");
            assertThat(seqOf("kept", chain)).isEqualTo(1);
            assertThat(verify(chain)).isEmpty();
        } finally {
            remove(chain);
        }
    }

    @Test
    void verifyingWhileAnEntryStaysUnsealedSkipsItAndAHeldChainLockStallsNoOtherProvince() throws Exception {
        String held = newChain();
        String other = newChain();
        var locked = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        // Own threads: the common pool may have a single thread on two cores, which the holder would take.
        var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        // Someone holds the province's chain key (another node sealing, or any session): the sealer leaves it this round.
        var holder = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(1633907532, hashtext(?))").param(held).query((rs, i) -> 1).list();
            locked.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), threads);
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            log.record(nurse, UUID.randomUUID(), held, AccessLog.Action.READ, "care", "waits");
            log.record(nurse, UUID.randomUUID(), other, AccessLog.Action.READ, "care", "sealed");
            var problems = java.util.Collections.synchronizedList(new ArrayList<AccessLogChains.Problem>());
            var summary = CompletableFuture.supplyAsync(() -> chains.verify(null, problems::add), threads)
                    .get(10, TimeUnit.SECONDS);
            assertThat(problems).as("an unsealed entry is not part of any chain yet").isEmpty();
            assertThat(summary.problems()).isZero();
            assertThat(seqOf("waits", held)).isNull();
            assertThat(seqOf("sealed", other)).isEqualTo(1);
        } finally {
            release.countDown();
            holder.get(20, TimeUnit.SECONDS);
            threads.shutdown();
        }
        try {
            sealer.sealAll();
            assertThat(seqOf("waits", held)).isEqualTo(1);
            assertThat(verify(held)).isEmpty();
        } finally {
            remove(held);
            remove(other);
        }
    }

    @Test
    void aRowLockOnOneEntryStallsNoOtherProvinceAndVerifyReportsTheEntriesLeftOut() throws Exception {
        String locked = newChain();
        String other = newChain();
        // Two minutes old (a reader's transaction may commit well after its entry's time; a minute is the allowance).
        jdbc.sql("""
                INSERT INTO access_log (id, occurred_at, child_id, province_code, username, role, action, purpose, detail)
                VALUES (gen_random_uuid(), now() - interval '2 minutes', gen_random_uuid(), ?, 'someone', 'HEALTH_WORKER',
                        'READ', 'care', 'row-locked')""").param(locked).update();
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO access_log (id, occurred_at, child_id, province_code, username, role, action, purpose)
                VALUES (gen_random_uuid(), 'infinity', gen_random_uuid(), ?, 'someone', 'HEALTH_WORKER', 'READ', 'care')""")
                .param(locked).update()).hasMessageContaining("access_log_time_plausible");
        var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        var held = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var holder = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            jdbc.sql("SELECT id FROM access_log WHERE province_code = ? FOR UPDATE").param(locked).query((rs, i) -> 1).list();
            held.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), threads);
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            log.record(nurse, UUID.randomUUID(), other, AccessLog.Action.READ, "care", "sealed");
            var problems = java.util.Collections.synchronizedList(new ArrayList<AccessLogChains.Problem>());
            CompletableFuture.supplyAsync(() -> chains.verify(null, problems::add), threads).get(20, TimeUnit.SECONDS);
            assertThat(seqOf("sealed", other)).isEqualTo(1);
            assertThat(seqOf("row-locked", locked)).isNull();
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.chain()).isEqualTo(locked);
                assertThat(p.kind()).isEqualTo(AccessLogChains.Kind.UNSEALED);
            });
        } finally {
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            threads.shutdown();
        }
        try {
            assertThat(verify(locked)).isEmpty();
            assertThat(seqOf("row-locked", locked)).isEqualTo(1);
        } finally {
            remove(locked);
            remove(other);
        }
    }

    @Test
    void sealingDoesNotWaitForATransactionStillOpenAndChainsItsEntryOnceItCommits() {
        String chain = newChain();
        try {
            tx.executeWithoutResult(s -> {
                log.record(nurse, UUID.randomUUID(), chain, AccessLog.Action.READ, "care", "long");
                log.countBy(UUID.randomUUID(), "nobody"); // writes the pending entry: inserted, not yet committed
                var other = CompletableFuture.runAsync(() -> {
                    log.record(nurse, UUID.randomUUID(), chain, AccessLog.Action.READ, "care", "short");
                    sealer.sealAll();
                });
                try {
                    other.get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("another reader or the sealer waited for this open transaction", e);
                }
                assertThat(jdbc.sql("SELECT seq FROM access_log WHERE province_code = ? AND detail = 'short'").param(chain)
                        .query(Long.class).single()).isEqualTo(1);
            });
            sealer.sealAll();
            assertThat(seqOf("long", chain)).isEqualTo(2);
            assertThat(verify(chain)).isEmpty();
        } finally {
            remove(chain);
        }
    }
}
