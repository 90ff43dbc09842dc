package org.tonkla.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tonkla.IntegrationTest;
import org.tonkla.WebClientSession;
import org.tonkla.demo.DemoUnits;
import org.tonkla.recordbook.RecordBookImports;
import org.tonkla.registry.ChildImports;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The change feed (issue 14 point 4) with concurrent writers: several threads write vaccine doses in
 * transactions that stay open a random while (so they commit in another order than they took their sequence
 * numbers) and some roll back, while a partner pulls {@code /api/v1/changes} in small pages. The union of what
 * the partner got is exactly the committed writes, each once. A feed ordered by sequence alone fails this.
 */
class ChangeFeedTest extends IntegrationTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final int WRITERS = 6;
    private static final int WRITES_EACH = 25;

    @Autowired
    ChildImports children;
    @Autowired
    RecordBookImports entries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private WebClientSession as(String username) {
        var s = session();
        assertThat(s.login(username, "tonkla-demo")).isEqualTo("/");
        return s;
    }

    private JsonNode pull(WebClientSession s, String cursor, int limit) {
        var r = s.getJson("/api/v1/changes?limit=" + limit + (cursor == null ? "" : "&since=" + cursor));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    /** The cursor after everything there is now, read as a partner would: page until no more. */
    private String head(WebClientSession s) {
        String cursor = jdbc.sql("""
                SELECT tx::text || '.' || (seq - 1) FROM exchange_change ORDER BY tx DESC, seq DESC LIMIT 1""")
                .query(String.class).optional().orElse(null);
        while (true) {
            JsonNode page = pull(s, cursor, 1000);
            cursor = page.get("next").asString();
            if (!page.get("more").asBoolean()) return cursor;
        }
    }

    @Test
    void concurrentWritersAreReadOnceEachAndNothingIsMissed() throws Exception {
        FhirFixture.make(children, entries);
        var partner = as("health.kk");
        String cursor = head(partner);
        Set<String> committed = ConcurrentHashMap.newKeySet();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < WRITES_EACH; i++) {
                    // one current dose per child, code and day: each write its own day
                    LocalDate day = LocalDate.now().minusDays(1 + writer * WRITES_EACH + i);
                    UUID id = UUID.randomUUID();
                    boolean rollBack = ThreadLocalRandom.current().nextInt(5) == 0;
                    tx.executeWithoutResult(status -> {
                        jdbc.sql("""
                                INSERT INTO immunization (id, child_id, province_code, vaccine_code, given_on, unit_id,
                                                          recorded_by, recorded_at)
                                VALUES (?, ?, '40', '815', ?, ?, 'change-feed-test', ?)""")
                                .params(id, FhirFixture.CHILD.value(), day,
                                        DemoUnits.KHON_KAEN_HEALTH_CENTER, java.sql.Timestamp.from(Instant.now()))
                                .update();
                        sleep(ThreadLocalRandom.current().nextInt(40));
                        if (rollBack) status.setRollbackOnly();
                    });
                    if (!rollBack) committed.add(id.toString());
                }
                return null;
            }));
        }
        List<String> received = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        boolean writing = true;
        while (true) {
            boolean wereWriting = writing;
            writing = writers.stream().anyMatch(f -> !f.isDone());
            JsonNode page = pull(partner, cursor, 25);
            for (JsonNode c : page.get("changes")) {
                cursors.add(c.get("cursor").asString());
                if (c.get("resourceType").asString().equals("Immunization")) received.add(c.get("id").asString());
            }
            cursor = page.get("next").asString();
            // Done when the writers had finished before this pull began and the feed had nothing more.
            if (!wereWriting && !page.get("more").asBoolean() && page.get("changes").isEmpty()) break;
        }
        for (Future<?> f : writers) f.get();
        pool.shutdown();

        assertThat(committed).hasSizeGreaterThan(WRITERS * WRITES_EACH / 2);
        assertThat(new HashSet<>(received)).as("no write missed, none rolled back").isEqualTo(committed);
        assertThat(received).as("none repeated").doesNotHaveDuplicates();
        assertThat(cursors).doesNotHaveDuplicates();
    }

    @Autowired
    javax.sql.DataSource dataSource;

    /**
     * The case a sequence (or transaction id) alone gets wrong, made to happen: T1 writes first (lower transaction
     * id and sequence) and stays open; T2 writes after it and commits; the partner pulls; then T1 commits. The
     * partner must get both, T2 only after T1 has ended.
     */
    @Test
    void aTransactionThatCommitsLateIsNotSkipped() throws Exception {
        FhirFixture.make(children, entries);
        var partner = as("health.kk");
        String cursor = head(partner);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try (var t1 = dataSource.getConnection(); var t2 = dataSource.getConnection()) {
            t1.setAutoCommit(false);
            insertDose(t1, first, 500);
            insertDose(t2, second, 501); // autocommit: committed now, after T1 began and wrote
            JsonNode whileOpen = pull(partner, cursor, 100);
            List<String> seen = new ArrayList<>();
            whileOpen.get("changes").forEach(c -> seen.add(c.get("id").asString()));
            assertThat(seen).as("nothing past an open transaction").doesNotContain(second.toString());
            cursor = whileOpen.get("next").asString();
            t1.commit();
        }
        List<String> after = new ArrayList<>();
        while (true) {
            JsonNode page = pull(partner, cursor, 100);
            page.get("changes").forEach(c -> after.add(c.get("id").asString()));
            cursor = page.get("next").asString();
            if (!page.get("more").asBoolean()) break;
        }
        assertThat(after).contains(first.toString(), second.toString());
    }

    private void insertDose(java.sql.Connection c, UUID id, int daysAgo) throws java.sql.SQLException {
        try (var s = c.prepareStatement("""
                INSERT INTO immunization (id, child_id, province_code, vaccine_code, given_on, unit_id, recorded_by, recorded_at)
                VALUES (?, ?, '40', '815', ?, ?, 'change-feed-test', now())""")) {
            s.setObject(1, id);
            s.setObject(2, FhirFixture.CHILD.value());
            s.setObject(3, LocalDate.now().minusDays(daysAgo));
            s.setObject(4, DemoUnits.KHON_KAEN_HEALTH_CENTER);
            s.executeUpdate();
        }
    }

    @Test
    void anotherProvincesOfficerSeesNoneOfTheChildsChanges() {
        FhirFixture.make(children, entries);
        var officer = as("officer.chiangmai");
        String cursor = null;
        while (true) {
            JsonNode page = pull(officer, cursor, 1000);
            for (JsonNode c : page.get("changes")) {
                assertThat(c.get("id").asString()).isNotEqualTo(FhirFixture.CHILD.toString())
                        .isNotEqualTo(FhirFixture.DOSE.toString());
            }
            cursor = page.get("next").asString();
            if (!page.get("more").asBoolean()) break;
        }
        var r = officer.getJson("/api/v1/changes?since=nonsense");
        assertThat(r.statusCode()).isEqualTo(400);
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
