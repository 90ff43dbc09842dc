package org.tonkla.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tonkla.IntegrationTest;
import org.tonkla.consent.AccessLogChains.Kind;
import org.tonkla.consent.AccessLogChains.Problem;
import org.tonkla.identity.CurrentUser;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;
import org.tonkla.identity.Scope;

/**
 * The tamper-evident access log on real PostgreSQL: entries written through {@link AccessLog} form clean
 * chains; a row changed, deleted or slipped in behind the application's back is found at its seq. Each
 * test writes its own chain (a made-up two-letter province code) and removes it afterwards, so the shared
 * database's chains stay clean for the rest of the suite.
 */
class AccessLogChainTest extends IntegrationTest {

    private static final AtomicInteger CHAINS = new AtomicInteger();
    /** A detail with Thai, a separator, a colon and quotes: the canonical form must carry it unchanged. */
    private static final String DETAIL = "น้ำหนัก, ส่วนสูง: \"ok\",-,";

    @Autowired
    AccessLog log;
    @Autowired
    AccessLogChains chains;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    AuditCommand command;
    @Autowired
    AccessLogSealer sealer;

    private final CurrentUser nurse = new CurrentUser(UUID.randomUUID(), "nurse.chain", "พยาบาล ทดสอบ",
            Role.HEALTH_WORKER, new Scope("MOPH", OrgUnit.serviceUnit(UUID.randomUUID())), "th");
    private final CurrentUser officer = new CurrentUser(UUID.randomUUID(), "officer.chain", "",
            Role.PROVINCIAL_OFFICER, new Scope(null, OrgUnit.country()), "th");

    /** A chain no other test writes to: "Z" and a letter. */
    private static String newChain() {
        return "Z" + (char) ('A' + CHAINS.getAndIncrement());
    }

    private List<UUID> write(String chain, int n) {
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < n; i++) {
            UUID child = UUID.randomUUID();
            log.record(i % 2 == 0 ? nurse : officer, child, chain, i % 3 == 0 ? AccessLog.Action.WRITE : AccessLog.Action.READ,
                    "care", i % 2 == 0 ? DETAIL : null);
            ids.add(child);
        }
        sealer.sealAll(); // as the background sealer would a second later
        return ids;
    }

    private UUID entryAt(String chain, long seq) {
        return jdbc.sql("SELECT id FROM access_log WHERE province_code = ? AND seq = ?").params(chain, seq)
                .query(UUID.class).single();
    }

    private List<Problem> verify(String chain) {
        var problems = Collections.synchronizedList(new ArrayList<Problem>());
        chains.verify(chain, problems::add);
        return problems;
    }

    /** Runs statements with the log's triggers off, in one transaction that switches them on again before it commits. */
    private void behindTheApplicationsBack(String... statements) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("ALTER TABLE access_log DISABLE TRIGGER access_log_no_update").update();
            jdbc.sql("ALTER TABLE access_log DISABLE TRIGGER access_log_unsealed").update();
            for (String sql : statements) jdbc.sql(sql).update();
            jdbc.sql("ALTER TABLE access_log ENABLE TRIGGER access_log_unsealed").update();
            jdbc.sql("ALTER TABLE access_log ENABLE TRIGGER access_log_no_update").update();
        });
    }

    private void remove(String chain) {
        behindTheApplicationsBack("DELETE FROM access_log WHERE province_code = '" + chain + "'");
    }

    @Test
    void entriesWrittenThroughTheAccessLogVerifyClean() {
        String a = newChain();
        String b = newChain();
        try {
            write(a, 7);
            log.recordAll(nurse, List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()),
                    List.of(b, a, b, a), AccessLog.Action.READ, "roster");
            write(b, 2);

            assertThat(verify(a)).isEmpty();
            assertThat(verify(b)).isEmpty();
            assertThat(jdbc.sql("SELECT seq FROM access_log WHERE province_code = ? ORDER BY seq").param(a)
                    .query(Long.class).list()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
            // The SQL form the trigger hashes and the Java form the verifier hashes are byte for byte the same.
            UUID first = entryAt(a, 1);
            byte[] sql = jdbc.sql("SELECT access_log_canonical(l) FROM access_log l WHERE id = ?").param(first)
                    .query(byte[].class).single();
            var problems = new ArrayList<Problem>();
            var summary = chains.verify(null, problems::add);
            assertThat(problems).as("every chain of the shared database").isEmpty();
            assertThat(summary.entries()).isGreaterThanOrEqualTo(13);
            assertThat(new String(sql, java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("tonkla-access-log-v1,1:1,36:" + first + ",27:")
                    .endsWith(",4:care," + DETAIL.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + ":" + DETAIL + ",");
        } finally {
            remove(a);
            remove(b);
        }
    }

    @Test
    void aRowChangedInTheDatabaseIsReportedAsAlteredAtItsSeq() {
        String chain = newChain();
        try {
            write(chain, 5);
            behindTheApplicationsBack("UPDATE access_log SET purpose = 'research' WHERE province_code = '" + chain + "' AND seq = 3");

            assertThat(verify(chain)).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(Kind.ALTERED);
                assertThat(p.seq()).isEqualTo(3);
                assertThat(p.entryId()).isEqualTo(entryAt(chain, 3));
                assertThat(p.chain()).isEqualTo(chain);
            });
        } finally {
            remove(chain);
        }
    }

    @Test
    void aDeletedRowIsReportedWhereItWasAndACutOffEndAgainstThePublishedHead() {
        String chain = newChain();
        try {
            write(chain, 6);
            var published = chains.heads().stream().filter(h -> h.chain().equals(chain)).toList();
            behindTheApplicationsBack("DELETE FROM access_log WHERE province_code = '" + chain + "' AND seq IN (3, 6)");

            assertThat(verify(chain)).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(Kind.MISSING);
                assertThat(p.seq()).isEqualTo(4);
                assertThat(p.entryId()).isEqualTo(entryAt(chain, 4));
                assertThat(p.explanation()).contains("seq 3 missing");
            });
            // Entry 6 was the chain's end: nothing inside the chain shows it, the head published before does.
            var problems = new ArrayList<Problem>();
            assertThat(chains.checkPublished(published, problems::add)).isEqualTo(1);
            assertThat(problems.getFirst().kind()).isEqualTo(Kind.HEAD_MISMATCH);
            assertThat(problems.getFirst().seq()).isEqualTo(6);
        } finally {
            remove(chain);
        }
    }

    @Test
    void aForgedRowSlippedIntoTheChainIsReported() {
        String chain = newChain();
        try {
            write(chain, 5);
            var published = chains.heads().stream().filter(h -> h.chain().equals(chain)).toList();
            String where = "province_code = '" + chain + "'";
            // A careful forger: makes room after seq 3, links the forged entry to entry 3 with a correct hash.
            behindTheApplicationsBack(
                    "UPDATE access_log SET seq = seq + 1000 WHERE " + where + " AND seq > 3",
                    "UPDATE access_log SET seq = seq - 999 WHERE " + where + " AND seq > 1000",
                    """
                    INSERT INTO access_log (id, occurred_at, child_id, province_code, username, role, action, purpose, seq, prev_hash, hash)
                    SELECT gen_random_uuid(), occurred_at, child_id, province_code, 'someone.else', 'HEALTH_WORKER', 'READ', 'care',
                           4, hash, '\\x00'::bytea
                    FROM access_log WHERE %s AND seq = 3""".formatted(where),
                    "UPDATE access_log l SET hash = sha256(l.prev_hash || access_log_canonical(l)) WHERE " + where + " AND seq = 4");

            var problems = verify(chain);
            assertThat(problems).extracting(Problem::seq, Problem::kind)
                    .contains(org.assertj.core.groups.Tuple.tuple(5L, Kind.BROKEN_LINK))
                    .doesNotContain(org.assertj.core.groups.Tuple.tuple(4L, Kind.ALTERED));

            // Rewriting every later hash as well makes the chain consistent again; the published head does not match.
            behindTheApplicationsBack("""
                    DO $$ DECLARE e access_log%%ROWTYPE; last BYTEA; BEGIN
                      FOR e IN SELECT * FROM access_log WHERE %s ORDER BY seq LOOP
                        IF e.seq > 4 THEN
                          e.prev_hash := last;
                          UPDATE access_log SET prev_hash = last, hash = sha256(last || access_log_canonical(e)) WHERE id = e.id
                          RETURNING hash INTO last;
                        ELSE last := e.hash; END IF;
                      END LOOP; END $$""".formatted(where));
            assertThat(verify(chain)).isEmpty();
            var headProblems = new ArrayList<Problem>();
            chains.checkPublished(published, headProblems::add);
            assertThat(headProblems).extracting(Problem::kind).containsExactly(Kind.HEAD_MISMATCH);
        } finally {
            remove(chain);
        }
    }

    @Test
    void concurrentWritersToOneProvinceKeepOneValidChain() throws Exception {
        String chain = newChain();
        String other = newChain();
        int threads = 8;
        int each = 40;
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var done = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        if (i % 10 == 0) {
                            // Lists that touch two chains, in opposite orders from thread to thread.
                            log.recordAll(officer, List.of(UUID.randomUUID(), UUID.randomUUID()),
                                    thread % 2 == 0 ? List.of(chain, other) : List.of(other, chain), AccessLog.Action.READ, "list");
                        } else {
                            log.record(nurse, UUID.randomUUID(), chain, AccessLog.Action.READ, "care", "t" + thread);
                        }
                    }
                }));
            }
            for (var f : done) f.get();
        }
        try {
            long expected = threads * (each - each / 10) + threads * (each / 10);
            sealer.sealAll();
            assertThat(jdbc.sql("SELECT count(*), max(seq) FROM access_log WHERE province_code = ?").param(chain)
                    .query((rs, i) -> List.of(rs.getLong(1), rs.getLong(2))).single()).containsExactly(expected, expected);
            assertThat(verify(chain)).isEmpty();
            assertThat(verify(other)).isEmpty();
        } finally {
            remove(chain);
            remove(other);
        }
    }

    @Test
    void theAuditCommandSaysWhereAndExitsNonZero(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String chain = newChain();
        try {
            write(chain, 3);
            var out = new java.io.ByteArrayOutputStream();
            var err = new java.io.ByteArrayOutputStream();
            assertThat(command.run(List.of("head", "--json"), new java.io.PrintStream(out, true, "UTF-8"),
                    new java.io.PrintStream(err, true, "UTF-8"))).isZero();
            java.nio.file.Path heads = dir.resolve("heads.json");
            java.nio.file.Files.writeString(heads, out.toString(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"chain\" : \"" + chain + "\"").contains("\"digest\"");

            out.reset();
            assertThat(command.run(List.of("verify", "--heads", heads.toString()), new java.io.PrintStream(out, true, "UTF-8"),
                    new java.io.PrintStream(err, true, "UTF-8"))).as(out.toString()).isZero();
            assertThat(out.toString()).contains("OK: ");

            behindTheApplicationsBack("UPDATE access_log SET detail = 'nothing' WHERE province_code = '" + chain + "' AND seq = 2");
            out.reset();
            assertThat(command.run(List.of("verify", "--province", chain), new java.io.PrintStream(out, true, "UTF-8"),
                    new java.io.PrintStream(err, true, "UTF-8"))).isEqualTo(1);
            assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("chain " + chain + " seq 2 entry " + entryAt(chain, 2) + ": ALTERED")
                    .contains("TAMPERED: 3 entries in 1 chains");

            err.reset();
            assertThat(command.run(List.of("verify", "--everything"), new java.io.PrintStream(out, true, "UTF-8"),
                    new java.io.PrintStream(err, true, "UTF-8"))).isEqualTo(2);
            assertThat(err.toString()).contains("Usage: ./tonkla audit verify");
        } finally {
            remove(chain);
        }
    }

    /**
     * What the chain costs per entry, measured inside PostgreSQL: sealing 3,000 entries of one province in one
     * call of access_log_seal (V51), in a transaction that is rolled back. The insert itself no longer pays for it.
     */
    @Test
    void sealingCostsWellUnderAMillisecondPerEntry() {
        String chain = newChain();
        int n = 3000;
        long[] micros = new long[1];
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                    INSERT INTO access_log (id, occurred_at, child_id, province_code, user_id, username, display_name, role,
                                            agency_code, unit_id, action, purpose, detail)
                    SELECT gen_random_uuid(), now() + i * interval '1 microsecond', gen_random_uuid(), ?, gen_random_uuid(),
                           'nurse.chain', 'พยาบาล ทดสอบ', 'HEALTH_WORKER', 'MOPH', gen_random_uuid(), 'READ', 'care', NULL
                    FROM generate_series(1, ?) i""").params(chain, n).update();
            long t0 = System.nanoTime();
            int sealed = jdbc.sql("SELECT access_log_seal(?, ?)").params(chain, n).query(Integer.class).single();
            micros[0] = (System.nanoTime() - t0) / 1000 / n;
            assertThat(sealed).isEqualTo(n);
            s.setRollbackOnly();
        });
        System.out.printf("access_log sealing: %d µs per entry%n", micros[0]);
        assertThat(micros[0]).isLessThan(1000);
        assertThat(jdbc.sql("SELECT count(*) FROM access_log WHERE province_code = ?").param(chain).query(Long.class).single())
                .isZero();
    }
}
