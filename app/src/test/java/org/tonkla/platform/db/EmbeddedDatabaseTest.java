package org.tonkla.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("localhost", 0));
            return s.getLocalPort();
        }
    }
}
