package org.tonkla.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A second Tonkla started on a port another one holds is refused before anything is written, and the person starting
 * it reads what happened and what to do, not a stack trace.
 */
class EmbeddedDatabaseTest {

    @Test
    void aPortInUseIsRefusedWithWhatToDo() throws Exception {
        Path dir = Files.createTempDirectory("tonkla-embedded");
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
        Path dir = Files.createTempDirectory("tonkla-embedded");
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
    void aServerThatDoesNotAnswerInTimeIsStoppedAndTheMessageSaysHowToWaitLonger() throws Exception {
        Path dir = Files.createTempDirectory("tonkla-embedded");
        assertThatThrownBy(() -> EmbeddedDatabase.persistent(dir, freePort(), Duration.ofMillis(1)))
                .isInstanceOfSatisfying(EmbeddedDatabase.CannotStart.class, e -> {
                    FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer().analyze(new BeanCreationException("dataSource", "failed", e));
                    assertThat(analysis.getDescription()).startsWith("The embedded PostgreSQL in " + dir + " did not answer within 0.001s and was stopped.");
                    assertThat(analysis.getAction()).isEqualTo("Set TONKLA_DB_STARTUP_WAIT longer (e.g. 30m) and start again.");
                });
        // Not left running to hold the directory against the next start (Zonky leaves it).
        assertThat(PostmasterPid.running(dir)).isNull();
    }

    @Test
    void aServerLeftByATonklaThatDiedIsNamedAtOnce() throws Exception {
        Path dir = Files.createTempDirectory("tonkla-embedded");
        String postgresBinary;
        try (EmbeddedDatabase.EmbeddedServer first = EmbeddedDatabase.persistent(dir, freePort())) {
            postgresBinary = ProcessHandle.of(PostmasterPid.running(dir)).orElseThrow().info().command().orElseThrow();
        }
        // The server as a Tonkla killed with SIGKILL leaves it: running, with no Tonkla holding the directory's lock.
        var command = new java.util.ArrayList<String>();
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
                assertThat(analysis.getDescription()).isEqualTo("A PostgreSQL (process " + orphan.pid()
                        + ") is already running on the data directory " + dir + ", left by a Tonkla that did not stop.");
                assertThat(analysis.getAction()).isEqualTo("Stop it (kill " + orphan.pid() + ") and start again.");
            });
            // Said at once, not after the ten minutes a start may wait.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(orphan.isAlive()).isTrue();
        } finally {
            orphan.destroy();
            orphan.waitFor();
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("localhost", 0));
            return s.getLocalPort();
        }
    }
}
