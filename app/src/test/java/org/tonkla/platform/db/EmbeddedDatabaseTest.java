package org.tonkla.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The embedded PostgreSQL that cannot start says why and what to do, not with a stack trace: a second Tonkla on a port
 * or data directory another one holds is refused before anything is written; a server left by a Tonkla that died is
 * named at once; after a power cut the server may take the recovery wait, and is stopped when it does not answer.
 */
class EmbeddedDatabaseTest {

    @Test
    void aPortInUseIsRefusedWithWhatToDo() throws Exception {
        Path dir = Files.createTempDirectory("tonkla-embedded").resolve("postgres");
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress("localhost", 0));
            int port = other.getLocalPort();
            assertThatThrownBy(() -> EmbeddedDatabase.persistent(dir, port)).isInstanceOfSatisfying(EmbeddedDatabase.CannotStart.class, e -> {
                // As Spring reports it at start-up: the failure wrapped in the bean's creation.
                FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer().analyze(new BeanCreationException("dataSource", "failed", e));
                assertThat(analysis.getDescription()).isEqualTo("Port " + port + " is already in use, so the embedded PostgreSQL of " + dir
                        + " cannot start there.");
                assertThat(analysis.getAction()).contains("Is another Tonkla running?").contains("TONKLA_DB_EMBEDDED_PORT");
            });
        }
        // Nothing was started or written in the data directory.
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aDataDirectoryInUseIsRefusedWithWhatToDo() throws Exception {
        Path dir = Files.createTempDirectory("tonkla-embedded").resolve("postgres");
        try (EmbeddedDatabase.EmbeddedServer first = EmbeddedDatabase.persistent(dir, freePort())) {
            assertThatThrownBy(() -> EmbeddedDatabase.persistent(dir, freePort())).isInstanceOfSatisfying(EmbeddedDatabase.CannotStart.class, e -> {
                FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer().analyze(new BeanCreationException("dataSource", "failed", e));
                assertThat(analysis.getDescription()).isEqualTo("The data directory " + dir
                        + " is in use by another embedded PostgreSQL, so this one cannot start there.");
                assertThat(analysis.getAction()).contains("Is another Tonkla running on this data directory?");
            });
            // The first server still answers.
            assertThat(first.jdbcUrl()).isNotBlank();
            try (var c = java.sql.DriverManager.getConnection(first.jdbcUrl(), EmbeddedDatabase.USER, ""); var st = c.createStatement()) {
                assertThat(st.executeQuery("SELECT 1").next()).isTrue();
            }
        }
    }

    @Test
    void afterAPowerCutTheServerMayTakeTheRecoveryWaitAndIsStoppedWhenItDoesNotAnswerInTime() throws Exception {
        Path dir = Files.createTempDirectory("tonkla-embedded").resolve("postgres");
        try (EmbeddedDatabase.EmbeddedServer first = EmbeddedDatabase.persistent(dir, freePort())) {
            // A power cut, as PostgreSQL sees it: the server ends without a shutdown and leaves its postmaster.pid.
            var server = ProcessHandle.of(PostmasterPid.running(dir)).orElseThrow();
            server.destroyForcibly();
            server.onExit().get(30, TimeUnit.SECONDS);
        }
        assertThat(PostmasterPid.present(dir)).isTrue();
        // Its children notice the postmaster's end and leave (else the next server finds their shared memory in use).
        Thread.sleep(2000);
        int port = freePort();
        assertThatThrownBy(() -> EmbeddedDatabase.persistent(dir, port, Duration.ofMillis(1)))
                .isInstanceOfSatisfying(EmbeddedDatabase.CannotStart.class, e -> {
                    FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer().analyze(new BeanCreationException("dataSource", "failed", e));
                    assertThat(analysis.getDescription()).isEqualTo("The embedded PostgreSQL in " + dir
                            + " did not answer within 0.001s and was stopped. After a power cut it first replays its log, which can"
                            + " take longer for a large database; its messages are in " + dir.resolveSibling("logs").resolve("postgres.log") + ".");
                    assertThat(analysis.getAction()).isEqualTo("Set TONKLA_DB_STARTUP_WAIT longer (e.g. 30m) and start again.");
                });
        // Not left running to hold the directory against the next start (Zonky leaves it).
        assertThat(PostmasterPid.running(dir)).isNull();
        assertThat(answers(port)).isFalse();
        // Stopped half-way through its recovery it removed its postmaster.pid, but the next start must wait as long.
        assertThat(PostmasterPid.present(dir)).isFalse();
        assertThat(PostmasterPid.uncleanStop(dir)).isTrue();
        assertThat(Files.readString(dir.resolveSibling("logs").resolve("postgres.log"))).contains("database system was interrupted");
    }

    @Test
    void aServerLeftByATonklaThatDiedIsNamedAtOnceAndAStaleFileIsNot() throws Exception {
        Path dir = Files.createTempDirectory("tonkla-embedded").resolve("postgres");
        String postgresBinary;
        try (EmbeddedDatabase.EmbeddedServer first = EmbeddedDatabase.persistent(dir, freePort())) {
            postgresBinary = ProcessHandle.of(PostmasterPid.running(dir)).orElseThrow().info().command().orElseThrow();
        }
        assertThat(PostmasterPid.uncleanStop(dir)).as("stopped cleanly").isFalse();
        // The server as a Tonkla killed with SIGKILL leaves it: running, with no Tonkla holding the directory's lock.
        var command = new ArrayList<String>();
        // PostgreSQL refuses to run as root; Zonky then starts it in a user namespace, and so does this test.
        if ("root".equals(System.getProperty("user.name"))) command.addAll(List.of("unshare", "-U"));
        command.addAll(List.of(postgresBinary, "-D", dir.toString(), "-p", String.valueOf(freePort())));
        Process orphan = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            for (int i = 0; i < 100 && PostmasterPid.running(dir) == null; i++) Thread.sleep(100);
            assertThat(PostmasterPid.running(dir)).isEqualTo(orphan.pid());
            long started = System.nanoTime();
            assertThatThrownBy(() -> EmbeddedDatabase.persistent(dir, freePort())).isInstanceOfSatisfying(EmbeddedDatabase.CannotStart.class, e -> {
                FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer().analyze(new BeanCreationException("dataSource", "failed", e));
                assertThat(analysis.getDescription()).isEqualTo("A PostgreSQL (process " + orphan.pid() + ") is still running on the data directory "
                        + dir + ", left by a Tonkla that stopped without it (or is still stopping).");
                assertThat(analysis.getAction()).isEqualTo("If Tonkla was stopped a moment ago, wait a minute and start again; otherwise stop it with: kill -INT " + orphan.pid());
            });
            // Said at once, not after the time a start may wait.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(orphan.isAlive()).isTrue();

            // A stale file (after a reboot) whose number now belongs to another program, or to a PostgreSQL started at
            // another time, names no one: that process is not the file's server.
            Path stale = Files.createTempDirectory("tonkla-stale");
            Files.writeString(stale.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + stale + "\n"
                    + ProcessHandle.current().info().startInstant().orElseThrow().getEpochSecond() + "\n");
            assertThat(PostmasterPid.running(stale)).isNull();
            Files.writeString(stale.resolve("postmaster.pid"), orphan.pid() + "\n" + stale + "\n1000000000\n");
            assertThat(PostmasterPid.running(stale)).isNull();
        } finally {
            orphan.destroy();
            orphan.waitFor();
        }
    }

    private static boolean answers(int port) {
        try (var socket = new java.net.Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("localhost", 0));
            return s.getLocalPort();
        }
    }
}
